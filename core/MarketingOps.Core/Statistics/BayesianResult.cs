namespace MarketingOps.Core.Statistics;

/// <summary>
/// Posterior of the lift: mean, (1 − α) credible interval, standard deviation, the chance that the variant
/// beats the control, and the expected loss (risk) of choosing the control or the variant.
/// </summary>
internal sealed record BayesianResult(
    double Estimate,
    double Low,
    double High,
    double StandardDeviation,
    double ChanceToBeatControl,
    double RiskOfChoosingControl,
    double RiskOfChoosingVariant,
    string? Problem = null)
{
    /// <summary>The prior's share of the posterior's precision (0 without a prior): how far it pulled the estimate towards its mean.</summary>
    public double PriorWeight { get; init; }

    public static BayesianResult Empty(string problem) => new(0, 0, 0, 0, 0.5, 0, 0, problem);
}
