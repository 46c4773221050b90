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

    /// <summary>The value below which <paramref name="p"/> of the values fall (nearest rank); NaN for none.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>
    /// The machine's one-minute load average ("n/a" where /proc/loadavg is missing): on a shared machine a latency
    /// means little without it, so it is printed beside the figures that depend on the other processes.
    /// </summary>
    public static string LoadAverage()
    {
        const string Path = "/proc/loadavg";
        return File.Exists(Path) ? "load average " + File.ReadAllText(Path).Split(' ')[0] : "load average n/a";
    }

    /// <summary>The repository the benchmark was built in (it holds MarketingOps.sln and artifacts/plugins).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MarketingOps.sln not found");
    }
}
