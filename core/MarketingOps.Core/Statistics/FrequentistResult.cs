namespace MarketingOps.Core.Statistics;

/// <summary>A lift with its (1 − α) confidence interval and two-sided p-value.</summary>
internal sealed record FrequentistResult(
    double Estimate,
    double Low,
    double High,
    double StandardError,
    double PValue,
    string? Problem = null)
{
    public static FrequentistResult Empty(string problem) => new(0, 0, 0, 0, 1, problem);

    public bool IsSignificant(double alpha) => Problem is null && PValue < alpha;
}
