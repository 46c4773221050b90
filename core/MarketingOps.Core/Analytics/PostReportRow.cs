namespace MarketingOps.Core.Analytics;

/// <summary>One published post in <c>mops report posts</c>: its newest counters and rates. Counters the platform does not report are null, not zero.</summary>
/// <param name="PostId">The host's post id.</param>
/// <param name="Account">The account it was published from.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
/// <param name="Text">What it said.</param>
internal sealed record PostReportRow(string PostId, string Account, DateTimeOffset PublishedAt, string Text)
{
    public Uri? Url { get; init; }

    /// <summary>The experiment and variant it belonged to, if any.</summary>
    public string? Experiment { get; init; }

    public string? Variant { get; init; }

    /// <summary>When its counters were last read; null when not measured yet.</summary>
    public DateTimeOffset? MeasuredAt { get; init; }

    public bool Deleted { get; init; }

    public long? Impressions { get; init; }

    public long? Likes { get; init; }

    public long? Reposts { get; init; }

    public long? Replies { get; init; }

    public long? Quotes { get; init; }

    public long? LinkClicks { get; init; }

    /// <summary>Likes + reposts + replies + quotes + link clicks, of those reported.</summary>
    public long? Engagements { get; init; }

    /// <summary>Engagements per impression; null without impressions.</summary>
    public double? EngagementRate => Impressions is > 0 && Engagements is { } e ? (double)e / Impressions.Value : null;

    /// <summary>Link clicks per impression; null without impressions or link clicks reported.</summary>
    public double? LinkClickRate => Impressions is > 0 && LinkClicks is { } c ? (double)c / Impressions.Value : null;
}
