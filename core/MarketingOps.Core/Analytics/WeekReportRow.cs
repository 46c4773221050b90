namespace MarketingOps.Core.Analytics;

/// <summary>One account's measured posts of one ISO week (in the account's time zone), summed.</summary>
/// <param name="Account">The account.</param>
/// <param name="Week">The ISO week, e.g. <c>2026-W10</c>.</param>
/// <param name="WeekStart">Its Monday, in the account's time zone.</param>
/// <param name="Posts">Posts published that week.</param>
/// <param name="Measured">Of those, posts with counters.</param>
/// <param name="Impressions">Impressions of the measured posts.</param>
/// <param name="Engagements">Engagements of the measured posts.</param>
/// <param name="LinkClicks">Link clicks of the measured posts.</param>
internal sealed record WeekReportRow(string Account, string Week, DateOnly WeekStart, int Posts, int Measured, long Impressions, long Engagements, long LinkClicks)
{
    /// <summary>Engagements per impression over the week's measured posts.</summary>
    public double? EngagementRate => Impressions > 0 ? (double)Engagements / Impressions : null;

    /// <summary>Link clicks per impression over the week's measured posts.</summary>
    public double? LinkClickRate => Impressions > 0 ? (double)LinkClicks / Impressions : null;
}
