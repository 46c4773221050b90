namespace MarketingOps.Core.Statistics;

/// <summary>What every test needs from one arm: its size, mean and per-unit variance.</summary>
internal interface IArmSummary
{
    long Count { get; }

    double Mean { get; }

    /// <summary>Variance of one unit's value (not of the mean).</summary>
    double Variance { get; }
}
