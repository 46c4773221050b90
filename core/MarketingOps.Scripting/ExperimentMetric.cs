namespace MarketingOps.Scripting;

/// <summary>What an experiment measures: one counter per another, summed over a variant's posts.</summary>
/// <param name="Name">A short name shown in reports.</param>
/// <param name="Numerator">The counter that counts successes, e.g. <see cref="Counter.LinkClicks"/>.</param>
/// <param name="Denominator">The counter that counts chances, usually <see cref="Counter.Impressions"/>.</param>
public sealed record ExperimentMetric(string Name, string Numerator, string Denominator)
{
    /// <summary>True when a smaller value is better (e.g. unfollows per impression). The default value is false.</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Engagements per impression.</summary>
    public static ExperimentMetric EngagementRate { get; } = new("engagement rate", Counter.Engagements, Counter.Impressions);

    /// <summary>Link clicks per impression.</summary>
    public static ExperimentMetric LinkClickRate { get; } = new("link-click rate", Counter.LinkClicks, Counter.Impressions);

    /// <summary>Replies per impression.</summary>
    public static ExperimentMetric RepliesPerImpression { get; } = new("replies per impression", Counter.Replies, Counter.Impressions);

    /// <summary>Reposts per impression.</summary>
    public static ExperimentMetric RepostsPerImpression { get; } = new("reposts per impression", Counter.Reposts, Counter.Impressions);

    /// <summary>Any counter per any other counter.</summary>
    public static ExperimentMetric Ratio(string numerator, string denominator) => new($"{numerator} per {denominator}", numerator, denominator);
}
