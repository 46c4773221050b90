using MathNet.Numerics;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// χ² goodness of fit of observed units per arm against the planned allocation. A mismatch is flagged only
/// when the p-value is below the threshold and the split is also off by a practically relevant amount,
/// so that millions of impressions do not raise an alarm over a 0.1 % wobble.
/// </summary>
internal static class SampleRatioMismatch
{
    /// <summary>
    /// Checks units (impressions) per arm against planned weights per arm (any scale; null means equal).
    /// Arms with weight 0 are left out; fewer than two arms left, or no units, give p = 1.
    /// </summary>
    public static SrmResult Check(IReadOnlyList<long> counts, IReadOnlyList<double>? weights, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options ??= new StatisticsOptions();
        if (weights is not null && weights.Count != counts.Count)
        {
            throw new ArgumentException($"{counts.Count} counts but {weights.Count} weights: give one weight per arm.", nameof(weights));
        }

        var kept = new List<(long Count, double Weight)>();
        for (var i = 0; i < counts.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(counts[i], nameof(counts));
            var w = weights is null ? 1.0 : weights[i];
            if (double.IsNaN(w) || w < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"Weight of arm {i + 1} must be zero or positive.");
            }

            if (w > 0)
            {
                kept.Add((counts[i], w));
            }
        }

        double total = kept.Sum(k => (double)k.Count), totalWeight = kept.Sum(k => k.Weight);
        if (kept.Count < 2 || total == 0)
        {
            return new SrmResult(0, Math.Max(0, kept.Count - 1), 1, 0, 0, false);
        }

        double chiSquare = 0, maxShare = 0, maxRelative = 0;
        foreach (var (count, weight) in kept)
        {
            var planned = weight / totalWeight;
            var expected = planned * total;
            chiSquare += (count - expected) * (count - expected) / expected;
            var deviation = Math.Abs((count / total) - planned);
            maxShare = Math.Max(maxShare, deviation);
            maxRelative = Math.Max(maxRelative, deviation / planned);
        }

        var dof = kept.Count - 1;

        // Upper tail of χ²(dof) = Q(dof/2, x/2), accurate far into the tail where 1 − CDF is not.
        var p = SpecialFunctions.GammaUpperRegularized(dof / 2.0, chiSquare / 2);
        var practicallyOff = maxShare >= options.SrmMinimumShareDeviation || maxRelative >= options.SrmMinimumRelativeDeviation;
        return new SrmResult(chiSquare, dof, p, maxShare, maxRelative, p < options.SrmPValueThreshold && practicallyOff);
    }
}
