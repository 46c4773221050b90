// A three-way test: which call to action gets the most replies per impression?
//
//   mops script run scripts/three-way.csx -- ACCOUNT [POSTS-PER-VARIANT]
//
// Three posts a day at 09:30, 13:00 and 17:00 in the account's own time zone: the variants take turns across
// them, so each gets mornings and afternoons alike, and no slot falls in the account's quiet hours (22:00–07:00),
// whatever the season. Each variant has one wording per post (up to three posts per variant; more would repeat a
// wording within the guardrails' 30-day duplicate window, which the planner refuses).
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
    .Variant("question",
        "What's the one report you wish you never had to build again? Tell us, and join Thursday's webinar.",
        "Which spreadsheet eats most of your Monday? Reply with it and we'll tackle it live on Thursday.",
        "Curious how other teams automate their weekly numbers? What would you ask them? Thursday, online.")
    .Variant("invitation",
        "Join us Thursday: we'll build a weekly report live, in 20 minutes. Bring your questions!",
        "You're invited: a live session this Thursday where we put together a whole status update from scratch.",
        "Save a seat for Thursday's online workshop and watch a dashboard come together step by step.")
    .Variant("statement",
        "Weekly reports take 20 minutes, not 2 hours. Thursday's webinar shows how.",
        "Status updates should not cost a whole afternoon. On Thursday we demonstrate the shortcut.",
        "Most teams spend far too long on recurring numbers. Thursday's session fixes that.")
    .On(account.Name)
    .Metric(ExperimentMetric.RepliesPerImpression)
    .Guardrail(ExperimentMetric.LinkClickRate)
    .Schedule(postsPerVariant: perVariant, dailyAt: [new TimeOnly(9, 30), new TimeOnly(13, 0), new TimeOnly(17, 0)], start: start)
    .Decide(DecisionRule.Sequential(alpha: 0.05))
    .Start();

var posts = Posts.OfExperiment(Name);
Print($"Started {experiment.Name}: {posts.Count} posts from {posts.Min(p => p.At):yyyy-MM-dd HH:mm} to {posts.Max(p => p.At):yyyy-MM-dd HH:mm} UTC");
foreach (var group in posts.GroupBy(p => p.Variant))
{
    Print($"  {group.Key,-10} {group.Count()} posts");
}

return posts.Count;
