using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>Two-sided Welch t-test with unequal variances, as GrowthBook's <c>TwoSidedTTest</c>.</summary>
internal static class WelchTTest
{
    public static FrequentistResult Test(IArmSummary control, IArmSummary variant, LiftKind kind, double alpha = 0.05) =>
        Test(EffectMoments.Compute(control, variant, kind), alpha);

    public static FrequentistResult Test(EffectEstimate effect, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (!effect.IsValid)
        {
            return FrequentistResult.Empty(effect.Problem!);
        }

        var dof = effect.DegreesOfFreedom;
        var t = Math.Abs(effect.Estimate / effect.StandardError);
        var p = 2 * StudentT.CDF(0, 1, dof, -t);
        var halfWidth = StudentT.InvCDF(0, 1, dof, 1 - (alpha / 2)) * effect.StandardError;
        return new FrequentistResult(effect.Estimate, effect.Estimate - halfWidth, effect.Estimate + halfWidth, effect.StandardError, Math.Min(1, p));
    }
}
