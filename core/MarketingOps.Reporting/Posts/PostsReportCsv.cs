using System.Globalization;
using CsvHelper;
using MarketingOps.Core.Analytics;

namespace MarketingOps.Reporting.Posts;

/// <summary>
/// One row per post, RFC 4180 (a text's quotes, commas and line breaks kept inside its quoted field), for
/// spreadsheets. Texts are written as they are: a post that starts with "=" or "-" is not altered.
/// </summary>
internal static class PostsReportCsv
{
    public static void Write(PostsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var csv = CsvWriter.Create(writer, null, true);
        csv.WriteRecord(["post_id", "account", "published_at", "impressions", "likes", "reposts", "replies", "quotes", "link_clicks", "engagements", "engagement_rate", "link_click_rate", "measured_at", "deleted", "experiment", "variant", "url", "text"]);
        foreach (var p in report.Posts)
        {
            csv.WriteRecord(
            [
                p.PostId, p.Account, Time(p.PublishedAt),
                Count(p.Impressions), Count(p.Likes), Count(p.Reposts), Count(p.Replies), Count(p.Quotes), Count(p.LinkClicks), Count(p.Engagements),
                Rate(p.EngagementRate), Rate(p.LinkClickRate),
                p.MeasuredAt is { } measured ? Time(measured) : string.Empty,
                p.Deleted ? "true" : "false",
                p.Experiment ?? string.Empty, p.Variant ?? string.Empty, p.Url?.ToString() ?? string.Empty, p.Text,
            ]);
        }

        csv.Flush();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // An unreported counter is an empty field, not 0.
    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Rate(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty;
}
