using System.Globalization;
using System.Net;
using System.Text;
using MarketingOps.Core.Analytics;
using ScottPlot;

namespace MarketingOps.Reporting.Posts;

/// <summary>
/// <c>mops report posts --html</c>: one self-contained file (no scripts, no external files) with the weekly numbers,
/// a chart of impressions and engagement rate per account and week, the best and worst posts, and every post.
/// Every text a user wrote is encoded, never run as markup.
/// </summary>
internal static class PostsReportHtml
{
    public static string Write(PostsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = report.Account is null ? "Posts" : $"Posts of {report.Account}";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; vertical-align: top; }
            th:first-child, td:first-child, td.text { text-align: left; } td.text { max-width: 28rem; white-space: pre-wrap; }
            img { max-width: 100%; display: block; margin: 1rem 0; } small { color: #666; }
            </style></head><body>
            <h1>{{E(title)}}</h1>
            <p><small>published since {{report.Since:yyyy-MM-dd HH:mm}} UTC · {{report.Posts.Count}} posts · generated {{report.GeneratedAt:yyyy-MM-dd HH:mm}} UTC</small></p>
            """);
        html.Append("<h2>Per account and week</h2><table><tr><th>Account</th><th>Week</th><th>Posts</th><th>Measured</th><th>Impressions</th><th>Engagements</th><th>Engagement rate</th><th>Link clicks</th><th>Link-click rate</th></tr>");
        foreach (var w in report.Weeks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(w.Account)}</td><td>{E(w.Week)} ({w.WeekStart:yyyy-MM-dd})</td><td>{w.Posts}</td><td>{w.Measured}</td><td>{w.Impressions:N0}</td><td>{w.Engagements:N0}</td><td>{Rate(w.EngagementRate)}</td><td>{w.LinkClicks:N0}</td><td>{Rate(w.LinkClickRate)}</td></tr>");
        }

        html.Append("</table>");
        if (report.Weeks.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"Impressions and engagement rate per account and week\" src=\"data:image/png;base64,{Convert.ToBase64String(WeeklyChart(report))}\">");
        }

        Posts(html, $"Best posts (engagement rate, at least {report.MinImpressionsToRank} impressions)", report.Best);
        Posts(html, "Worst posts", report.Worst);
        Posts(html, "Every post", report.Posts);
        if (report.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2><ul>");
            foreach (var note in report.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>Impressions per week as bars for each account, engagement rate as a line on the right axis.</summary>
    public static byte[] WeeklyChart(PostsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = new Plot();
        var weeks = report.Weeks.Select(w => w.WeekStart).Distinct().Order().ToList();
        var accounts = report.Weeks.Select(w => w.Account).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var width = 0.8 / Math.Max(1, accounts.Count);
        var palette = new ScottPlot.Palettes.Category10();
        for (var a = 0; a < accounts.Count; a++)
        {
            var mine = report.Weeks.Where(w => string.Equals(w.Account, accounts[a], StringComparison.OrdinalIgnoreCase)).ToList();
            var color = palette.GetColor(a);
            var bars = mine.Select(w => new Bar
            {
                Position = weeks.IndexOf(w.WeekStart) - 0.4 + (width * (a + 0.5)),
                Value = w.Impressions,
                Size = width,
                FillColor = color.WithAlpha(0.6),
            }).ToList();
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = $"{accounts[a]}: impressions";

            var rated = mine.Where(w => w.EngagementRate is not null).ToList();
            var line = plot.Add.Scatter(rated.Select(w => (double)weeks.IndexOf(w.WeekStart)).ToArray(), rated.Select(w => w.EngagementRate!.Value * 100).ToArray());
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = $"{accounts[a]}: engagement rate";
        }

        plot.Axes.Bottom.SetTicks([.. weeks.Select((_, i) => (double)i)], [.. weeks.Select(w => w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Impressions and engagement rate per week");
        plot.YLabel("impressions");
        plot.Axes.Right.Label.Text = "engagement rate (%)";
        plot.XLabel("week starting (account's time zone)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(760, 380, ImageFormat.Png);
    }

    private static void Posts(StringBuilder html, string heading, IReadOnlyList<PostReportRow> posts)
    {
        if (posts.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(heading)}</h2><table><tr><th>Published</th><th>Account</th><th>Impressions</th><th>Engagements</th><th>Engagement rate</th><th>Link clicks</th><th>Link-click rate</th><th>Text</th></tr>");
        foreach (var p in posts)
        {
            // Only web links become links: a plugin's URL is not trusted to be one.
            var text = p.Url is { IsAbsoluteUri: true, Scheme: "https" or "http" } url ? $"<a href=\"{E(url.AbsoluteUri)}\">{E(p.Text)}</a>" : E(p.Text);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{p.PublishedAt:yyyy-MM-dd HH:mm}</td><td>{E(p.Account)}</td><td>{Count(p.Impressions)}</td><td>{Count(p.Engagements)}</td><td>{Rate(p.EngagementRate)}</td><td>{Count(p.LinkClicks)}</td><td>{Rate(p.LinkClickRate)}</td><td class=\"text\">{text}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";

    private static string Rate(double? value) => value?.ToString("0.00%", CultureInfo.InvariantCulture) ?? "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
