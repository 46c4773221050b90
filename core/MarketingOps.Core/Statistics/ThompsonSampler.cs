using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// Thompson sampling over Beta posteriors. Every random number comes from a <see cref="Random"/> seeded by the
/// caller, so an allocation can be reproduced exactly from its seed.
/// </summary>
internal static class ThompsonSampler
{
    /// <summary>Traffic weights for the next period of rotation.</summary>
    public static BanditAllocation Allocate(IReadOnlyList<BetaArm> arms, int seed, ThompsonSamplingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        options ??= new ThompsonSamplingOptions();
        if (arms.Count < 2)
        {
            throw new ArgumentException("Thompson sampling needs at least two arms.", nameof(arms));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Draws, nameof(options.Draws));
        var random = new Random(seed);
        var k = arms.Count;
        var best = new double[k];
        var credit = new double[k];
        var draw = new double[k];
        var ranks = new int[k];
        for (var d = 0; d < options.Draws; d++)
        {
            for (var i = 0; i < k; i++)
            {
                draw[i] = Beta.Sample(random, arms[i].PosteriorAlpha, arms[i].PosteriorBeta);
                ranks[i] = i;
            }

            // Ranks run from best to worst in the metric's own direction; for "lower is better" the best is the
            // smallest draw (GrowthBook's top-two credits ranks 2 and 3 of the ascending order there, a bug).
            Array.Sort(ranks, (x, y) => options.Direction == MetricDirection.HigherIsBetter ? draw[y].CompareTo(draw[x]) : draw[x].CompareTo(draw[y]));
            best[ranks[0]]++;
            credit[ranks[0]]++;
            if (options.TopTwo)
            {
                credit[ranks[1]]++;
            }
        }

        var creditTotal = credit.Sum();
        var weights = ApplyFloor(credit.Select(c => c / creditTotal).ToArray(), options.MinimumShare);
        return new BanditAllocation(weights, best.Select(b => b / options.Draws).ToArray(), seed);
    }

    /// <summary>One Thompson draw: the arm to use for the next post.</summary>
    public static int Choose(IReadOnlyList<BetaArm> arms, Random random, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        var chosen = 0;
        var chosenValue = double.NaN;
        for (var i = 0; i < arms.Count; i++)
        {
            var x = Beta.Sample(random, arms[i].PosteriorAlpha, arms[i].PosteriorBeta);
            var better = direction == MetricDirection.HigherIsBetter ? x > chosenValue : x < chosenValue;
            if (i == 0 || better)
            {
                chosen = i;
                chosenValue = x;
            }
        }

        return chosen;
    }

    /// <summary>
    /// Exact probability that each arm is best: ∫ f_k(x) Π_{j≠k} F_j(x) dx (or Π (1 − F_j) when lower is better),
    /// integrated with adaptive Gauss–Kronrod over the region where arm k's density lives.
    /// </summary>
    public static double[] ProbabilityBest(IReadOnlyList<BetaArm> arms, MetricDirection direction = MetricDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var k = arms.Count;
        var result = new double[k];
        for (var i = 0; i < k; i++)
        {
            var arm = arms[i];
            var (low, high) = SupportOf(arm);
            var index = i;
            result[i] = Integrate.GaussKronrod(
                x =>
                {
                    var value = Beta.PDF(arm.PosteriorAlpha, arm.PosteriorBeta, x);
                    for (var j = 0; j < k && value > 0; j++)
                    {
                        if (j != index)
                        {
                            var cdf = Beta.CDF(arms[j].PosteriorAlpha, arms[j].PosteriorBeta, x);
                            value *= direction == MetricDirection.HigherIsBetter ? cdf : 1 - cdf;
                        }
                    }

                    return value;
                },
                low,
                high,
                1e-10,
                20,
                61);
        }

        return result;
    }

    private static double[] ApplyFloor(double[] weights, double floor)
    {
        var k = weights.Length;
        var f = Math.Max(0, floor);
        if (f * k >= 1)
        {
            return Enumerable.Repeat(1.0 / k, k).ToArray();
        }

        return weights.Select(w => f + ((1 - (f * k)) * w)).ToArray();
    }

    /// <summary>An interval holding all but a negligible part of the posterior (±12 standard deviations, clipped).</summary>
    private static (double Low, double High) SupportOf(BetaArm arm)
    {
        double a = arm.PosteriorAlpha, b = arm.PosteriorBeta;
        var mean = a / (a + b);
        var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        return (Math.Max(0, mean - (12 * sd)), Math.Min(1, mean + (12 * sd)));
    }
}
