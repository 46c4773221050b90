namespace MarketingOps.Host.Commands.Stats;

/// <summary>The JSON document of <c>mops stats srm --json</c>.</summary>
internal sealed record SrmOutput(
    IReadOnlyList<long> Counts,
    IReadOnlyList<double> Weights,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    double MaxShareDeviation,
    double MaxRelativeDeviation,
    bool Mismatch,
    double PValueThreshold);
