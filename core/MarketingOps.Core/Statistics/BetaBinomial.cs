using MathNet.Numerics;

namespace MarketingOps.Core.Statistics;

/// <summary>Exact Bayesian comparison of two rates with Beta posteriors.</summary>
internal static class BetaBinomial
{
    /// <summary>
    /// P(p_B &gt; p_A) for p_A ~ Beta(a + eventsA, b + trialsA − eventsA), likewise p_B, by the exact finite sum
    /// Σ_{i&lt;αB} B(αA + i, βA + βB) / ((βB + i) B(1 + i, βB) B(αA, βA)) (Miller 2015), in log space.
    /// Needs an integer prior α so that αB is an integer; the default is the uniform Beta(1, 1).
    /// </summary>
    public static double ChanceToBeat(long controlEvents, long controlTrials, long variantEvents, long variantTrials, int priorAlpha = 1, double priorBeta = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorAlpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorBeta);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(controlEvents, controlTrials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(variantEvents, variantTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(controlEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(variantEvents);

        double alphaA = priorAlpha + controlEvents, betaA = priorBeta + controlTrials - controlEvents;
        var alphaB = priorAlpha + variantEvents;
        var betaB = priorBeta + variantTrials - variantEvents;
        var logBetaA = SpecialFunctions.BetaLn(alphaA, betaA);

        var total = 0.0;
        for (long i = 0; i < alphaB; i++)
        {
            total += Math.Exp(
                SpecialFunctions.BetaLn(alphaA + i, betaA + betaB)
                - Math.Log(betaB + i)
                - SpecialFunctions.BetaLn(1 + i, betaB)
                - logBetaA);
        }

        return Math.Clamp(total, 0, 1);
    }
}
