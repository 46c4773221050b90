namespace MarketingOps.Core.Statistics;

/// <summary>
/// Sufficient statistics of one arm: n, Σx and Σx². A proportion is the case x ∈ {0, 1}
/// (Σx² = Σx); as in GrowthBook its variance is p(1 − p), while a mean uses the sample variance.
/// </summary>
internal sealed record ArmStatistics(long Count, double Sum, double SumOfSquares, bool IsProportion = false) : IArmSummary
{
    /// <summary>Events out of trials, e.g. clicks out of impressions.</summary>
    public static ArmStatistics Proportion(long events, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, trials);
        return new ArmStatistics(trials, events, events, IsProportion: true);
    }

    /// <summary>Sums of raw per-unit values.</summary>
    public static ArmStatistics FromValues(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long n = 0;
        double sum = 0, sumOfSquares = 0;
        foreach (var x in values)
        {
            n++;
            sum += x;
            sumOfSquares += x * x;
        }

        return new ArmStatistics(n, sum, sumOfSquares);
    }

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public double Variance
    {
        get
        {
            if (IsProportion)
            {
                return Mean * (1 - Mean);
            }

            return Count <= 1 ? 0 : (SumOfSquares - (Sum * Sum / Count)) / (Count - 1);
        }
    }

    /// <summary>Events of a proportion (Σx); for a mean metric, the same sum.</summary>
    public double Events => Sum;

    /// <summary>Pools two batches of the same arm (e.g. two posts of one variant).</summary>
    public ArmStatistics Add(ArmStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ArmStatistics(
            Count + other.Count,
            Sum + other.Sum,
            SumOfSquares + other.SumOfSquares,
            IsProportion && other.IsProportion);
    }
}
