namespace MarketingOps.Benchmarks;

/// <summary>Summaries of timings shared by the suites.</summary>
internal static class Measures
{
    /// <summary>The middle value (the upper middle of an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
