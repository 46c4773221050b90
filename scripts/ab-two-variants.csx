// A/B test of two wordings of the same announcement.
//
//   mops script run scripts/ab-two-variants.csx -- ACCOUNT
//
// First run: defines and starts the experiment: 3 posts per variant, one a day at 09:30 local time, from the
// next Tuesday-to-Thursday morning on, then the winner once more.
// Later runs: print where it stands; once the decision rule has fired, say which variant won.
//
// A variant is a message (name the feature, or name the benefit), not one fixed string: posting the same text
// again within the guardrails' duplicate window (30 days) is a duplicate post, which mops refuses. So each
// variant has one wording per post, round by round, plus a fourth for the winner's post; every wording says the
// variant's message in really different words (similarity below the guardrails' 0.6 between any two).
#load "lib/slots.csx"

const string Name = "spring-launch-wording";
var account = Account(Args.Length > 0 ? Args[0] : Accounts[0].Name);

var existing = Experiments.Find(Name);
if (existing is null)
{
    var experiment = Experiments.Define(Name)
        .Description("Does naming the benefit beat naming the feature?")
        .Variant("feature",
            "Our spring release adds scheduled reports. Try it today: https://example.com/spring",
            "New this spring: reports you can schedule once and forget. See how: https://example.com/spring",
            "Scheduled reports are here. Pick a day, pick the recipients, done. https://example.com/spring",
            "The spring update brings report scheduling to every plan. Details: https://example.com/spring")
        .Variant("benefit",
            "Stop copying numbers into slides: reports now arrive on their own. https://example.com/spring",
            "Monday mornings without spreadsheet chores: last week's figures land in your inbox. https://example.com/spring",
            "Spend Friday afternoon on ideas, not on pasting charts. The summary writes itself: https://example.com/spring",
            "Your team reads the results before the first coffee, and nobody had to compile them. https://example.com/spring")
        .On(account.Name)
        .Metric(ExperimentMetric.LinkClickRate)
        .Schedule(postsPerVariant: 3, spacing: TimeSpan.FromDays(1), start: NextMorningSlot(account, Now))
        .Decide(DecisionRule.Bayesian(chanceToBeatControl: 0.95))
        .ThenScheduleWinner()
        .Start();

    Print($"Started '{experiment.Name}' ({experiment.Id}) on {account.Name}: {experiment.Plan.Variants.Count} variants × {experiment.Plan.PostsPerVariant} posts, each in its own wording.");
    foreach (var post in Posts.OfExperiment(Name))
    {
        Print($"  {post.At:ddd yyyy-MM-dd HH:mm} UTC  [{post.Variant}]  {post.Text}");
    }

    return "started";
}

var results = Experiments.Results(Name);
Print($"{results.Experiment}: {results.Status}");
foreach (var v in results.Variants)
{
    Print($"  {v.Name,-8} {v.Posts} posts  {v.Denominator,7} impressions  {v.Numerator,5} clicks  {Percent(v.Rate),7}  {(v.Lift is { } lift ? $"lift {lift:+0.0%;-0.0%}" : "")}");
}

Print(results.Summary);
foreach (var warning in results.Warnings)
{
    Print("  note: " + warning);
}

return results.Winner is { } winner ? $"winner: {winner}" : "no winner yet";
