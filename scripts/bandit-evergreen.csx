// Bandit rotation of evergreen posts: schedule one evergreen post a day, letting the better wordings run more often.
//
//   mops script schedule scripts/bandit-evergreen.csx --cron "0 0 8 * * ?" --name evergreen -- ACCOUNT
//
// Each run picks the next wording by Thompson sampling (every wording keeps at least 10 % of the posts, so a
// wording that started badly can still prove itself) and schedules it for the account's next morning slot.
#load "lib/slots.csx"

const string Name = "evergreen-rotation";
var account = Account(Args.Length > 0 ? Args[0] : Accounts[0].Name);

if (Experiments.Find(Name) is null)
{
    Experiments.Define(Name)
        .Description("Evergreen posts about the product tour, rotated by how well they do.")
        .Variant("tour", "New here? The two-minute product tour shows the whole thing: https://example.com/tour")
        .Variant("question", "Ever wondered what a week of marketing looks like on one screen? https://example.com/tour")
        .Variant("customer", "\"We finally see what works.\" See why teams switch: https://example.com/tour")
        .On(account.Name)
        .Metric(ExperimentMetric.LinkClickRate)
        .Decide(DecisionRule.Bandit(minShare: 0.1))
        .Start();
    Log.LogInformation("Created bandit experiment {Experiment}", Name);
}

// Never two evergreen posts waiting at once: if one is still scheduled, this run has nothing to do.
var waiting = Posts.OfExperiment(Name).Where(p => p.State == ScriptPostState.Scheduled).ToList();
if (waiting.Count > 0)
{
    Print($"Already scheduled: {waiting[0].Variant} at {waiting[0].At:yyyy-MM-dd HH:mm} UTC");
    return "nothing to do";
}

var pick = Experiments.Pick(Name);
var at = NextMorningSlot(account, Now);
var post = Posts.Schedule(account.Name, pick.Text, at, experiment: Name, variant: pick.Name);
Print($"Scheduled '{pick.Name}' for {at:ddd yyyy-MM-dd HH:mm} UTC ({post.Id})");

var standings = Experiments.Results(Name).Variants
    .Select(v => $"{v.Name} {v.Posts} posts {Percent(v.Rate)}");
Log.LogInformation("Bandit standings: {Standings}", string.Join("; ", standings));
return pick.Name;
