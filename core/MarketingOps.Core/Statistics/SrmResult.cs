namespace MarketingOps.Core.Statistics;

/// <summary>
/// Outcome of a sample-ratio-mismatch check. <paramref name="MaxShareDeviation"/> is the largest
/// |observed share − planned share| (absolute, 0.01 = one percentage point) and
/// <paramref name="MaxRelativeDeviation"/> the largest such deviation divided by the planned share.
/// </summary>
internal sealed record SrmResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    double MaxShareDeviation,
    double MaxRelativeDeviation,
    bool IsMismatch);
