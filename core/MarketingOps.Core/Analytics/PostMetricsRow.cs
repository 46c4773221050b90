using MarketingOps.Core.Experiments.Collection;

namespace MarketingOps.Core.Analytics;

/// <summary>One published post's newest counters, and when the metrics job asks for them again.</summary>
/// <param name="PostId">The host's post id.</param>
/// <param name="Account">The account it was published from.</param>
/// <param name="PlatformPostId">The platform's id, which the metrics call takes.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
internal sealed record PostMetricsRow(string PostId, string Account, string PlatformPostId, DateTimeOffset PublishedAt)
{
    /// <summary>When the counters were last read; null before the first collection.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>When to collect next; null once the post is old enough that its counters no longer move, or deleted.</summary>
    public DateTimeOffset? NextAt { get; init; }

    /// <summary>The platform says the post is gone; its last counters stand.</summary>
    public bool Deleted { get; init; }

    public PostCounters Counters { get; init; }
}
