namespace MarketingOps.Core.Statistics;

/// <summary>First-order (delta method) variances of ratios and lifts.</summary>
internal static class DeltaMethod
{
    /// <summary>Var(M / D) for M with mean and variance, D likewise, and Cov(M, D).</summary>
    public static double VarianceOfRatio(double meanM, double varianceM, double meanD, double varianceD, double covariance)
    {
        if (meanD == 0)
        {
            return 0;
        }

        var d2 = meanD * meanD;
        return (varianceM / d2) + (varianceD * meanM * meanM / (d2 * d2)) - (2 * covariance * meanM / (d2 * meanD));
    }
}
