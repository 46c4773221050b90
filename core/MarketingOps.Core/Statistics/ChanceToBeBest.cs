using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// Each arm's chance of being the best of all arms (the control included), in the metric's direction. It differs
/// from the chance to beat the control as soon as there are more than two arms: two variants can each beat the
/// control with near certainty while only one of them is best.
/// </summary>
internal static class ChanceToBeBest
{
    /// <summary>
    /// For proportions: exact, from Beta(1 + events, 1 + trials − events) posteriors; for other metrics: from
    /// normal posteriors of each arm's mean (mean ± its standard error). Null until every arm has data.
    /// </summary>
    public static double[]? Of(IReadOnlyList<IArmSummary> arms, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2 || arms.Any(a => a.Count <= 0))
        {
            return null;
        }

        if (arms.All(a => a is ArmStatistics { IsProportion: true }))
        {
            return ThompsonSampler.ProbabilityBest([.. arms.Cast<ArmStatistics>().Select(a => new BetaArm((long)a.Events, a.Count))], direction);
        }

        var means = arms.Select(a => a.Mean).ToArray();
        var errors = arms.Select(a => Math.Sqrt(a.Variance / a.Count)).ToArray();
        return errors.Any(e => !double.IsFinite(e) || e <= 0) ? null : FromNormal(means, errors, direction);
    }

    /// <summary>P(arm k is best) for independent N(mean, error²) posteriors: ∫ φ_k(x) Π_{j≠k} Φ_j(x) dx.</summary>
    public static double[] FromNormal(IReadOnlyList<double> means, IReadOnlyList<double> errors, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(errors);
        var k = means.Count;
        var sign = direction == MetricDirection.HigherIsBetter ? 1.0 : -1.0;
        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            var index = i;
            var mean = sign * means[i];
            result[i] = Integrate.GaussKronrod(
                x =>
                {
                    var value = Normal.PDF(mean, errors[index], x);
                    for (var j = 0; j < k && value > 0; j++)
                    {
                        if (j != index)
                        {
                            value *= Normal.CDF(sign * means[j], errors[j], x);
                        }
                    }

                    return value;
                },
                mean - (12 * errors[i]),
                mean + (12 * errors[i]),
                1e-10,
                20,
                61);
        }

        return result;
    }
}
