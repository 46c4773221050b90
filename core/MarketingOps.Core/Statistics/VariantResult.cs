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
    string? Problem);
