using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Collection;

/// <summary>The counters the store keeps for a post; a counter the platform did not report is null, not zero.</summary>
internal readonly record struct PostCounters(long? Impressions, long? Likes, long? Reposts, long? Replies, long? Quotes, long? LinkClicks)
{
    /// <summary>Likes + reposts + replies + quotes + link clicks, of those reported.</summary>
    public const string Engagements = "engagements";

    /// <summary>Every counter name a metric may use.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [MetricNames.Impressions, MetricNames.Likes, MetricNames.Reposts, MetricNames.Replies, MetricNames.Quotes, MetricNames.LinkClicks, Engagements];

    public static PostCounters From(IReadOnlyDictionary<string, long> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new PostCounters(
            Get(MetricNames.Impressions),
            Get(MetricNames.Likes),
            Get(MetricNames.Reposts),
            Get(MetricNames.Replies),
            Get(MetricNames.Quotes),
            Get(MetricNames.LinkClicks));

        long? Get(string name) => counters.TryGetValue(name, out var v) ? v : null;
    }

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>A counter by name; null when the platform did not report it (engagements: when it reported none of its parts).</summary>
    public long? Get(string name) => name switch
    {
        MetricNames.Impressions => Impressions,
        MetricNames.Likes => Likes,
        MetricNames.Reposts => Reposts,
        MetricNames.Replies => Replies,
        MetricNames.Quotes => Quotes,
        MetricNames.LinkClicks => LinkClicks,
        Engagements => Likes is null && Reposts is null && Replies is null && Quotes is null && LinkClicks is null
            ? null
            : (Likes ?? 0) + (Reposts ?? 0) + (Replies ?? 0) + (Quotes ?? 0) + (LinkClicks ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown counter."),
    };

    /// <summary>This snapshot, with counters it lacks taken from <paramref name="previous"/> (a platform that skips a counter once has not reset it).</summary>
    public PostCounters Over(PostCounters previous) => new(
        Impressions ?? previous.Impressions,
        Likes ?? previous.Likes,
        Reposts ?? previous.Reposts,
        Replies ?? previous.Replies,
        Quotes ?? previous.Quotes,
        LinkClicks ?? previous.LinkClicks);
}
