using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// Normal approximation to the posterior of the lift with an optional normal prior,
/// as GrowthBook's <c>EffectBayesianABTest</c>.
/// </summary>
internal static class BayesianNormalTest
{
    public static BayesianResult Test(
        IArmSummary control,
        IArmSummary variant,
        LiftKind kind,
        NormalPrior? prior,
        double alpha = 0.05,
        MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(control);
        return Test(EffectMoments.Compute(control, variant, kind), prior?.On(kind, control.Mean), alpha, direction);
    }

    /// <summary>The posterior from an effect estimate and a prior already on its scale (null for none).</summary>
    public static BayesianResult Test(EffectEstimate effect, NormalPrior? prior, double alpha = 0.05, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(effect);
        if (!effect.IsValid)
        {
            return BayesianResult.Empty(effect.Problem!);
        }

        var dataPrecision = 1 / (effect.StandardError * effect.StandardError);
        var priorPrecision = prior is null ? 0 : 1 / prior.Variance;
        var precision = dataPrecision + priorPrecision;
        var mean = prior is null ? effect.Estimate : ((effect.Estimate * dataPrecision) + (prior.Mean * priorPrecision)) / precision;
        var sd = Math.Sqrt(1 / precision);

        var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
        var chanceUp = Normal.CDF(0, 1, mean / sd);
        var (riskControl, riskVariant) = Risk(mean, sd);
        var result = direction == MetricDirection.HigherIsBetter
            ? new BayesianResult(mean, mean - (z * sd), mean + (z * sd), sd, chanceUp, riskControl, riskVariant)
            : new BayesianResult(mean, mean - (z * sd), mean + (z * sd), sd, 1 - chanceUp, riskVariant, riskControl);
        return result with { PriorWeight = priorPrecision / precision };
    }

    /// <summary>
    /// Expected loss of keeping the control, E[max(X, 0)], and of shipping the variant, E[max(−X, 0)],
    /// for X ~ N(μ, σ²): the closed forms of the truncated-normal means.
    /// </summary>
    public static (double Control, double Variant) Risk(double mean, double sd)
    {
        var a = -mean / sd;
        var density = Normal.PDF(0, 1, a);
        var control = (mean * Normal.CDF(0, 1, -a)) + (sd * density);
        var variant = (sd * density) - (mean * Normal.CDF(0, 1, a));
        return (Math.Max(0, control), Math.Max(0, variant));
    }
}
