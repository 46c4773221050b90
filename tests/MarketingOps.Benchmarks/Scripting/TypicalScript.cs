using System.Globalization;
using MarketingOps.Scripting;

namespace MarketingOps.Benchmarks.Scripting;

/// <summary>
/// A typical experiment script — read the experiment's posts and metrics, aggregate per variant, rank, describe, plan a
/// follow-up — once as script source and once as the same code compiled into this assembly (the baseline).
/// </summary>
internal static class TypicalScript
{
    public const string Source = """
        var posts = Posts.OfExperiment("cta");
        var snapshots = Metrics.For(posts);
        var rows = posts.Zip(snapshots, (post, metrics) => (Variant: post.Variant!, Impressions: metrics.Impressions ?? 0, Clicks: metrics.LinkClicks ?? 0)).ToList();
        var variants = new List<(string Name, long Impressions, long Clicks, double Rate)>();
        foreach (var group in rows.GroupBy(r => r.Variant))
        {
            long impressions = 0, clicks = 0;
            foreach (var row in group)
            {
                impressions += row.Impressions;
                clicks += row.Clicks;
            }

            variants.Add((group.Key, impressions, clicks, impressions > 0 ? (double)clicks / impressions : 0));
        }

        var ranked = variants.OrderByDescending(v => v.Rate).ToList();
        var text = new StringBuilder();
        foreach (var v in ranked)
        {
            text.Append(v.Name).Append(": ").Append(v.Rate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture)).Append(" of ").Append(v.Impressions).AppendLine(" impressions");
        }

        var plan = Experiments.Define("cta-follow-up")
            .Variant(ranked[0].Name, "The winner, again")
            .Variant("challenger", "A new challenger")
            .On(Accounts[0].Name)
            .Metric(ExperimentMetric.LinkClickRate)
            .Build();
        Print(text.ToString());
        return $"{ranked[0].Name} {plan.Variants.Count}";
        """;

    /// <summary>The same statements, compiled with the benchmark (no policy, no instrumentation, no load context).</summary>
    public static string Precompiled(ScriptGlobals g)
    {
        var posts = g.Posts.OfExperiment("cta");
        var snapshots = g.Metrics.For(posts);
        var rows = posts.Zip(snapshots, (post, metrics) => (Variant: post.Variant!, Impressions: metrics.Impressions ?? 0, Clicks: metrics.LinkClicks ?? 0)).ToList();
        var variants = new List<(string Name, long Impressions, long Clicks, double Rate)>();
        foreach (var group in rows.GroupBy(r => r.Variant))
        {
            long impressions = 0, clicks = 0;
            foreach (var row in group)
            {
                impressions += row.Impressions;
                clicks += row.Clicks;
            }

            variants.Add((group.Key, impressions, clicks, impressions > 0 ? (double)clicks / impressions : 0));
        }

        var ranked = variants.OrderByDescending(v => v.Rate).ToList();
        var text = new System.Text.StringBuilder();
        foreach (var v in ranked)
        {
            text.Append(v.Name).Append(": ").Append(v.Rate.ToString("P2", CultureInfo.InvariantCulture)).Append(" of ").Append(v.Impressions).AppendLine(" impressions");
        }

        var plan = g.Experiments.Define("cta-follow-up")
            .Variant(ranked[0].Name, "The winner, again")
            .Variant("challenger", "A new challenger")
            .On(g.Accounts[0].Name)
            .Metric(ExperimentMetric.LinkClickRate)
            .Build();
        g.Print(text.ToString());
        return $"{ranked[0].Name} {plan.Variants.Count}";
    }
}
