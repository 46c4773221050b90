// A weekly report: what was published in the last seven days, how it did, and where each experiment stands.
//
//   mops script run scripts/weekly-report.csx [-- DAYS]
#load "lib/slots.csx"

var days = Args.Length > 0 ? int.Parse(Args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
var until = Now;
var since = until.AddDays(-days);
var published = Posts.Published(since, until);

Print($"Week of {since:yyyy-MM-dd} to {until:yyyy-MM-dd}: {published.Count} posts published");
Print("");

var rows = published
    .Select(post => (Post: post, Metrics: Metrics.For(post)))
    .OrderByDescending(row => row.Metrics.EngagementRate ?? -1)
    .ToList();

Print($"{"account",-16} {"impr.",7} {"eng.",5} {"rate",7}  text");
foreach (var (post, metrics) in rows)
{
    var text = post.Text.Length > 48 ? post.Text[..47] + "…" : post.Text;
    Print($"{post.Account,-16} {metrics.Impressions,7} {metrics.Engagements,5} {Percent(metrics.EngagementRate),7}  {text}");
}

Print("");
foreach (var account in rows.GroupBy(r => r.Post.Account).OrderBy(g => g.Key))
{
    var totals = Metrics.Total(account.Select(r => r.Post));
    var impressions = totals.GetValueOrDefault(Counter.Impressions);
    var clicks = totals.GetValueOrDefault(Counter.LinkClicks);
    Print($"{account.Key}: {account.Count()} posts, {impressions} impressions, {clicks} link clicks ({Percent(impressions > 0 ? (double)clicks / impressions : null)})");
}

foreach (var experiment in Experiments.List())
{
    var results = Experiments.Results(experiment.Name);
    Print($"experiment {experiment.Name} ({results.Status}): {results.Summary}");
}

return new { posts = published.Count, best = rows.Count > 0 ? rows[0].Post.Id : null }.ToString();
