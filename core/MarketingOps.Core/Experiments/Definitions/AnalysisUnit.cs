namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>What one observation of a metric is; see docs/experiments.md, "What is compared".</summary>
internal enum AnalysisUnit
{
    /// <summary>Each impression is a Bernoulli trial of the numerator, pooled per variant (GrowthBook's proportion model).</summary>
    Impressions,

    /// <summary>Each post is one observation of (numerator, denominator); the ratio's variance comes from the delta method. Robust when posts differ, but needs many posts.</summary>
    Posts,
}
