using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// The classic two-proportion z-test with the pooled rate under H0 (statsmodels <c>proportions_ztest</c>):
/// the test most calculators use, offered so results can be checked against them.
/// </summary>
internal static class PooledProportionsZTest
{
    public static ZTestResult Test(long controlEvents, long controlTrials, long variantEvents, long variantTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(controlTrials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variantTrials);
        double pA = (double)controlEvents / controlTrials, pB = (double)variantEvents / variantTrials;
        var pooled = (double)(controlEvents + variantEvents) / (controlTrials + variantTrials);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / controlTrials) + (1.0 / variantTrials)));
        if (se == 0)
        {
            return new ZTestResult(pB - pA, 0, 1);
        }

        var z = (pB - pA) / se;
        return new ZTestResult(pB - pA, z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }
}
