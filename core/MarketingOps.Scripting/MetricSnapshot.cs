using System.Diagnostics;
namespace MarketingOps.Scripting;

/// <summary>A post's counters at one moment; a counter the platform does not report is null, not zero.</summary>
/// <param name="PostId">The host's id of the post.</param>
/// <param name="At">When the counters were read; null when none were read yet.</param>
/// <param name="Counters">Counter values by name; see <see cref="Counter"/>.</param>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed record MetricSnapshot(string PostId, DateTimeOffset? At, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>Times the post was shown.</summary>
    public long? Impressions => Get(Counter.Impressions);

    /// <summary>Likes.</summary>
    public long? Likes => Get(Counter.Likes);

    /// <summary>Reposts.</summary>
    public long? Reposts => Get(Counter.Reposts);

    /// <summary>Replies.</summary>
    public long? Replies => Get(Counter.Replies);

    /// <summary>Link clicks.</summary>
    public long? LinkClicks => Get(Counter.LinkClicks);

    /// <summary>Likes + reposts + replies + quotes + link clicks (the counters the platform reports).</summary>
    public long? Engagements => Get(Counter.Engagements);

    /// <summary>Engagements per impression; null without impressions.</summary>
    public double? EngagementRate => Impressions is > 0 ? (double)(Engagements ?? 0) / Impressions.Value : null;

    /// <summary>A counter by name (including <see cref="Counter.Engagements"/>); null when the platform did not report it.</summary>
    public long? Get(string counter)
    {
        if (Counters.TryGetValue(counter, out var value))
        {
            return value;
        }

        if (counter != Counter.Engagements)
        {
            return null;
        }

        string[] parts = [Counter.Likes, Counter.Reposts, Counter.Replies, Counter.Quotes, Counter.LinkClicks];
        long? sum = null;
        foreach (var part in parts)
        {
            if (Counters.TryGetValue(part, out var v))
            {
                sum = (sum ?? 0) + v;
            }
        }

        return sum;
    }

    /// <summary>A snapshot with no counters, for a post nobody has measured yet.</summary>
    public static MetricSnapshot None(string postId) => new(postId, null, new Dictionary<string, long>());
}
