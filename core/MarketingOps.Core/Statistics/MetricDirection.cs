namespace MarketingOps.Core.Statistics;

/// <summary>Whether a larger metric value is good (click rate) or bad (unfollows per impression).</summary>
internal enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
