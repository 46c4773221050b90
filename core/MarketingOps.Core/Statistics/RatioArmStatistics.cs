namespace MarketingOps.Core.Statistics;

/// <summary>
/// Sufficient statistics of a ratio metric ΣM / ΣD (e.g. replies per impression summed over posts):
/// n units, Σm, Σm², Σd, Σd² and Σmd. The variance of the ratio comes from the delta method.
/// </summary>
internal sealed record RatioArmStatistics(
    long Count,
    double NumeratorSum,
    double NumeratorSumOfSquares,
    double DenominatorSum,
    double DenominatorSumOfSquares,
    double SumOfProducts) : IArmSummary
{
    /// <summary>Sums of per-unit (numerator, denominator) pairs.</summary>
    public static RatioArmStatistics FromPairs(IEnumerable<(double Numerator, double Denominator)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        long n = 0;
        double m = 0, m2 = 0, d = 0, d2 = 0, md = 0;
        foreach (var (x, y) in units)
        {
            n++;
            m += x;
            m2 += x * x;
            d += y;
            d2 += y * y;
            md += x * y;
        }

        return new RatioArmStatistics(n, m, m2, d, d2, md);
    }

    public ArmStatistics Numerator => new(Count, NumeratorSum, NumeratorSumOfSquares);

    public ArmStatistics Denominator => new(Count, DenominatorSum, DenominatorSumOfSquares);

    public double Mean => DenominatorSum == 0 ? 0 : NumeratorSum / DenominatorSum;

    public double Covariance => Count <= 1 ? 0 : (SumOfProducts - (NumeratorSum * DenominatorSum / Count)) / (Count - 1);

    public double Variance
    {
        get
        {
            var denominatorMean = Denominator.Mean;
            if (denominatorMean == 0 || Count <= 1)
            {
                return 0;
            }

            return DeltaMethod.VarianceOfRatio(Numerator.Mean, Numerator.Variance, denominatorMean, Denominator.Variance, Covariance);
        }
    }

    public RatioArmStatistics Add(RatioArmStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RatioArmStatistics(
            Count + other.Count,
            NumeratorSum + other.NumeratorSum,
            NumeratorSumOfSquares + other.NumeratorSumOfSquares,
            DenominatorSum + other.DenominatorSum,
            DenominatorSumOfSquares + other.DenominatorSumOfSquares,
            SumOfProducts + other.SumOfProducts);
    }
}
