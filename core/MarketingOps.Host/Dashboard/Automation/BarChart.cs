using MarketingOps.Core.Guardrails.Reporting;

namespace MarketingOps.Host.Dashboard.Automation;

/// <summary>
/// The automation report's two charts as horizontal bars for inline SVG: what went out per account and week, split by
/// who made it, and the guardrails' rejections by rule. Every bar also carries its numbers in words.
/// </summary>
internal static class BarChart
{
    /// <summary>The bars' full length in SVG units.</summary>
    public const double Width = 420;

    public const string Hand = "#11643a";
    public const string Inbox = "#1f4d99";
    public const string Unattended = "#b45309";
    public const string Rejected = "#a4161a";

    public static IReadOnlyList<ChartBar> Origins(AutomationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Rows.Select(r => (Row: r, Counts: Sum(r))).ToList();
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Counts.Total));
        return rows.Select(r =>
        {
            var c = r.Counts;
            var segments = new List<ChartSegment>();
            var x = 0.0;
            foreach (var (count, colour) in new[] { (c.Hand, Hand), (c.Inbox, Inbox), (c.Unattended, Unattended) })
            {
                var w = Width * count / max;
                segments.Add(new ChartSegment(x, w, colour, count));
                x += w;
            }

            return new ChartBar($"{r.Row.Account} {r.Row.Week}", segments, $"{c.Hand} by hand, {c.Inbox} approved, {c.Unattended} unattended");
        }).ToList();
    }

    public static IReadOnlyList<ChartBar> Rejections(AutomationReport report)
    {
        var byRule = RejectionsByRule(report);
        var max = Math.Max(1, byRule.Count == 0 ? 1 : byRule.Max(r => r.Value));
        return byRule.Select(r => new ChartBar(r.Key, [new ChartSegment(0, Width * r.Value / max, Rejected, r.Value)], $"{r.Value} rejected")).ToList();
    }

    /// <summary>Every rule's rejections over the whole report, most first.</summary>
    public static IReadOnlyList<KeyValuePair<string, int>> RejectionsByRule(AutomationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Rows.SelectMany(r => r.RejectionsByRule)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(r => r.Value)))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Posts, replies and direct messages of a row together, by who made them.</summary>
    public static OriginCounts Sum(AutomationReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new OriginCounts(
            row.Posts.Hand + row.Replies.Hand + row.DirectMessages.Hand,
            row.Posts.Inbox + row.Replies.Inbox + row.DirectMessages.Inbox,
            row.Posts.Unattended + row.Replies.Unattended + row.DirectMessages.Unattended);
    }
}
