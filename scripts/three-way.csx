// A three-way test: which call to action gets the most replies per impression?
//
//   mops script run scripts/three-way.csx -- ACCOUNT [POSTS-PER-VARIANT]
//
// Variants take turns across the slots, so each wording gets mornings and afternoons alike.
#load "lib/slots.csx"

const string Name = "webinar-cta";
var account = Account(Args.Length > 0 ? Args[0] : Accounts[0].Name);
var perVariant = Args.Length > 1 ? int.Parse(Args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;

if (Experiments.Find(Name) is { } running)
{
    var results = Experiments.Results(Name);
    var ranked = results.Variants.OrderByDescending(v => v.Rate ?? -1).ToList();
    Print($"{Name}: {results.Status}; best so far: {ranked[0].Name} ({Percent(ranked[0].Rate)} replies per impression)");
    return results.Summary;
}

var start = NextMorningSlot(account, Now);
var experiment = Experiments.Define(Name)
    .Description("Question, invitation or statement: which gets people talking?")
    .Variant("question", "What's the one report you wish you never had to build again? Tell us, and join Thursday's webinar.")
    .Variant("invitation", "Join us Thursday: we'll build a weekly report live, in 20 minutes. Bring your questions!")
    .Variant("statement", "Weekly reports take 20 minutes, not 2 hours. Thursday's webinar shows how.")
    .On(account.Name)
    .Metric(ExperimentMetric.RepliesPerImpression)
    .Guardrail(ExperimentMetric.LinkClickRate)
    .Schedule(postsPerVariant: perVariant, spacing: TimeSpan.FromHours(6), start: start)
    .Decide(DecisionRule.Sequential(alpha: 0.05))
    .Start();

var posts = Posts.OfExperiment(Name);
Print($"Started {experiment.Name}: {posts.Count} posts from {posts.Min(p => p.At):yyyy-MM-dd HH:mm} to {posts.Max(p => p.At):yyyy-MM-dd HH:mm} UTC");
foreach (var group in posts.GroupBy(p => p.Variant))
{
    Print($"  {group.Key,-10} {group.Count()} posts");
}

return posts.Count;
