// Bandit rotation of evergreen posts: one evergreen post a week, letting the better arms run more often.
//
//   mops script schedule scripts/bandit-evergreen.csx --cron "0 0 8 * * ?" --name evergreen -- ACCOUNT
//
// Each run picks the next arm by Thompson sampling (every arm keeps at least 10 % of the posts, so an arm that
// started badly can still prove itself) and schedules it for the account's next morning slot, at least a week
// after the previous evergreen post.
//
// An evergreen rotation repeats itself by nature, and the same text twice within the guardrails' duplicate window
// (30 days) is a duplicate post, which mops refuses. So the rotation is spaced and reworded: posts are at least
// 7 days apart, and each arm has 5 wordings used in turn (Pick gives the next one), so even an arm that wins every
// pick repeats a wording only after 5 × 7 = 35 days. Running the script daily is fine: it waits out the week.
#load "lib/slots.csx"

const string Name = "evergreen-rotation";
var account = Account(Args.Length > 0 ? Args[0] : Accounts[0].Name);

if (Experiments.Find(Name) is null)
{
    Experiments.Define(Name)
        .Description("Evergreen posts about the product tour, rotated by how well they do.")
        .Variant("tour",
            "New here? The two-minute product tour shows the whole thing: https://example.com/tour",
            "Take a guided walk through every screen, start to finish, in under two minutes: https://example.com/tour",
            "Short on time? A quick video covers planning, publishing and reporting: https://example.com/tour",
            "First week with us? Begin with the tour and you'll know where everything lives: https://example.com/tour",
            "See the app from the calendar to the results page in one short clip: https://example.com/tour")
        .Variant("question",
            "Ever wondered what a week of marketing looks like on one screen? https://example.com/tour",
            "How many tabs do you keep open just to know what went out today? https://example.com/tour",
            "What if your calendar, your drafts and your numbers lived in one place? https://example.com/tour",
            "Do you know which of last month's posts actually brought visitors? https://example.com/tour",
            "Who on your team approves posts, and how long does it take them? https://example.com/tour")
        .Variant("customer",
            "\"We finally see what works.\" See why teams switch: https://example.com/tour",
            "\"Our Monday meeting got half as long.\" Hear from a retail team: https://example.com/tour",
            "\"Nobody chases approvals by email anymore.\" An agency's story: https://example.com/tour",
            "\"Three accounts, one calendar, zero spreadsheets.\" Read how a café chain does it: https://example.com/tour",
            "\"It paid for itself in the first quarter.\" What a nonprofit learned: https://example.com/tour")
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

// At least a week after the previous evergreen post (see above); Pick's text is the arm's next wording.
var weekAfter = Posts.OfExperiment(Name).Max(p => p.At)?.AddDays(7).AddMinutes(-1);
var pick = Experiments.Pick(Name);
var at = NextMorningSlot(account, weekAfter > Now ? weekAfter.Value : Now);
var post = Posts.Schedule(account.Name, pick.Text, at, experiment: Name, variant: pick.Name);
Print($"Scheduled '{pick.Name}' for {at:ddd yyyy-MM-dd HH:mm} UTC ({post.Id})");

var standings = Experiments.Results(Name).Variants
    .Select(v => $"{v.Name} {v.Posts} posts {Percent(v.Rate)}");
Log.LogInformation("Bandit standings: {Standings}", string.Join("; ", standings));
return pick.Name;
