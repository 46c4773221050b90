using MarketingOps.Core.Statistics;

namespace MarketingOps.Host.Commands.Stats;

/// <summary>
/// One variant in <c>mops stats proportions --json</c>. For the Bayesian method <see cref="StandardError"/> is the
/// posterior standard deviation and the interval is a credible interval; the p-values are then absent. The chance
/// to beat the control compares this variant with the control alone; the chance to be best (Bayesian only) compares
/// it with every arm, the control included.
/// </summary>
internal sealed record VariantOutput(
    int Variant,
    long Clicks,
    long Impressions,
    double Rate,
    double Lift,
    double CiLow,
    double CiHigh,
    double StandardError,
    double? PValue,
    double? AdjustedPValue,
    double? ChanceToBeatControl,
    double? ExactChanceToBeatControl,
    double? RiskOfChoosingControl,
    double? RiskOfChoosingVariant,
    Verdict Verdict,
    string? Problem,
    ZTestResult? PooledZTest)
{
    public double? ChanceToBeBest { get; init; }

    /// <summary>Bayesian with a prior: its share of the estimate (how far it pulled the lift towards the prior's mean).</summary>
    public double? PriorWeight { get; init; }
}
