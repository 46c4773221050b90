namespace MarketingOps.Core.Statistics;

/// <summary>
/// Always-valid two-sided confidence sequences (Waudby-Smith et al. 2023, arXiv 2103.06476 eq. 9, 155, 161),
/// tuned to be tightest near <c>tuning</c> total units, as GrowthBook's <c>SequentialTwoSidedTTest</c>.
/// A marketer may look after every snapshot without inflating the error rate.
/// </summary>
internal static class SequentialTest
{
    public const double DefaultTuning = 5000;

    public static FrequentistResult Test(IArmSummary control, IArmSummary variant, LiftKind kind, double tuning = DefaultTuning, double alpha = 0.05) =>
        Test(EffectMoments.Compute(control, variant, kind), tuning, alpha);

    public static FrequentistResult Test(EffectEstimate effect, double tuning = DefaultTuning, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tuning);
        if (!effect.IsValid)
        {
            return FrequentistResult.Empty(effect.Problem!);
        }

        double n = effect.TotalCount;
        var rho2 = Rho(alpha, tuning) * Rho(alpha, tuning);
        var nRho2Plus1 = (n * rho2) + 1;

        // The per-unit variance s² = SE² · n, so the half-width scales like SE but never shrinks to the fixed-n one.
        var s2 = effect.StandardError * effect.StandardError * n;
        var halfWidth = Math.Sqrt(s2) * Math.Sqrt(2 * nRho2Plus1 * Math.Log(Math.Sqrt(nRho2Plus1) / alpha) / (n * n * rho2));

        // The p-value is 1 / e-value, capped at 1.
        var st2 = effect.Estimate * effect.Estimate * n / (effect.StandardError * effect.StandardError);
        var logEValue = (rho2 * st2 / (2 * nRho2Plus1)) - (0.5 * Math.Log(nRho2Plus1));
        var p = Math.Min(1, Math.Exp(-logEValue));

        return new FrequentistResult(effect.Estimate, effect.Estimate - halfWidth, effect.Estimate + halfWidth, effect.StandardError, p);
    }

    /// <summary>The mixture's ρ that makes the sequence tightest at <paramref name="tuning"/> units (eq. 161).</summary>
    public static double Rho(double alpha, double tuning)
    {
        var logTerm = -2 * Math.Log(alpha);
        return Math.Sqrt((logTerm + Math.Log(logTerm + 1)) / tuning);
    }
}
