namespace MarketingOps.Core.Statistics;

/// <summary>
/// One variant against the control. Frequentist and sequential results fill the p-values; Bayesian results fill
/// the chance to win and the risks (and, for proportions, the exact Beta-binomial chance to win without prior).
/// <paramref name="Low"/>/<paramref name="High"/> bound the confidence (or credible) interval of the lift.
/// </summary>
internal sealed record VariantResult(
    int Variant,
    double ControlMean,
    double VariantMean,
    double Estimate,
    double Low,
    double High,
    double StandardError,
    double? PValue,
    double? AdjustedPValue,
    double? ChanceToBeatControl,
    double? ExactChanceToBeatControl,
    double? RiskOfChoosingControl,
    double? RiskOfChoosingVariant,
    Verdict Verdict,
    string? Problem)
{
    /// <summary>Bayesian only: the prior's share of the posterior's precision (0 without a prior).</summary>
    public double? PriorWeight { get; init; }
}
