namespace MarketingOps.Core.Analytics;

/// <summary>What <c>mops report posts</c> shows: every published post's numbers, per account and week, and the best and worst posts.</summary>
/// <param name="Since">The first instant counted.</param>
/// <param name="Account">The account asked for; null for all.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Posts">Every published post, oldest first.</param>
/// <param name="Weeks">Per account and ISO week.</param>
/// <param name="Best">The posts with the highest engagement rate (among those with enough impressions to tell).</param>
/// <param name="Worst">The posts with the lowest engagement rate (likewise).</param>
internal sealed record PostsReport(
    DateTimeOffset Since,
    string? Account,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<PostReportRow> Posts,
    IReadOnlyList<WeekReportRow> Weeks,
    IReadOnlyList<PostReportRow> Best,
    IReadOnlyList<PostReportRow> Worst)
{
    /// <summary>Impressions a post needs before it is ranked among the best or worst.</summary>
    public long MinImpressionsToRank { get; init; }

    /// <summary>Things to know before reading the numbers: posts not measured yet, deleted posts, counters a platform does not report.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
