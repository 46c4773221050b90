namespace MarketingOps.Core.Statistics;

/// <summary>Adjusted p-values for several comparisons; outputs are in input order.</summary>
internal static class MultipleTesting
{
    public static double[] Adjust(IReadOnlyList<double> pValues, PValueAdjustment method) => method switch
    {
        PValueAdjustment.None => [.. pValues],
        PValueAdjustment.Holm => Holm(pValues),
        PValueAdjustment.BenjaminiHochberg => BenjaminiHochberg(pValues),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown adjustment."),
    };

    /// <summary>Holm's step-down: the k-th smallest p times (m − k + 1), made monotone upwards.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var (m, order, adjusted) = Prepare(pValues);
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up: the k-th smallest p times m / k, made monotone downwards.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var (m, order, adjusted) = Prepare(pValues);
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, pValues[order[rank]] * m / (rank + 1));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    private static (int Count, int[] Ascending, double[] Output) Prepare(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        return (m, Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray(), new double[m]);
    }
}
