using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Statistics;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>What an experiment measures: one counter per another, summed over a variant's posts.</summary>
/// <param name="Name">Short name shown in reports.</param>
/// <param name="Numerator">The counter of successes, e.g. <c>link_clicks</c>; <see cref="PostCounters.Engagements"/> sums the engagement counters.</param>
/// <param name="Denominator">The counter of chances, usually <c>impressions</c>.</param>
internal sealed record MetricDefinition(string Name, string Numerator, string Denominator)
{
    /// <summary>Whether a larger value is better. The default value is <see cref="MetricDirection.HigherIsBetter"/>.</summary>
    public MetricDirection Direction { get; init; } = MetricDirection.HigherIsBetter;

    /// <summary>What one observation is; null picks impressions for a per-impression rate and posts otherwise. The default value is null.</summary>
    public AnalysisUnit? Unit { get; init; }

    public static MetricDefinition EngagementRate { get; } = new("engagement rate", PostCounters.Engagements, MetricNames.Impressions);

    public static MetricDefinition LinkClickRate { get; } = new("link-click rate", MetricNames.LinkClicks, MetricNames.Impressions);

    public static MetricDefinition RepliesPerImpression { get; } = new("replies per impression", MetricNames.Replies, MetricNames.Impressions);

    public static MetricDefinition RepostsPerImpression { get; } = new("reposts per impression", MetricNames.Reposts, MetricNames.Impressions);

    /// <summary>The presets by the names a file uses.</summary>
    public static IReadOnlyDictionary<string, MetricDefinition> Presets { get; } = new Dictionary<string, MetricDefinition>(StringComparer.OrdinalIgnoreCase)
    {
        ["engagement-rate"] = EngagementRate,
        ["link-click-rate"] = LinkClickRate,
        ["replies-per-impression"] = RepliesPerImpression,
        ["reposts-per-impression"] = RepostsPerImpression,
    };

    /// <summary>Any counter per any other counter.</summary>
    public static MetricDefinition Ratio(string numerator, string denominator) => new($"{numerator} per {denominator}", numerator, denominator);

    /// <summary>The unit actually used: impressions when each impression is a trial of the numerator, posts otherwise.</summary>
    public AnalysisUnit EffectiveUnit => Unit ?? (Denominator == MetricNames.Impressions ? AnalysisUnit.Impressions : AnalysisUnit.Posts);
}
