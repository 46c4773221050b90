using MarketingOps.Core.Statistics;

namespace MarketingOps.Host.Commands.Stats;

/// <summary>
/// One variant in <c>mops stats proportions --json</c>. For the Bayesian method <see cref="StandardError"/> is the
/// posterior standard deviation and the interval is a credible interval; the p-values are then absent.
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
    double? ChanceToWin,
    double? ExactChanceToWin,
    double? RiskOfChoosingControl,
    double? RiskOfChoosingVariant,
    Verdict Verdict,
    string? Problem,
    ZTestResult? PooledZTest);
