namespace MarketingOps.Benchmarks;

/// <summary>One benchmark suite; Program finds every implementation by reflection, so a new suite is one new file.</summary>
internal interface IBenchmark
{
    /// <summary>The name given on the command line (for example <c>host</c>).</summary>
    string Name { get; }

    /// <summary>Runs the suite and prints its results; <paramref name="quick"/> trades precision for a run of seconds.</summary>
    Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken);
}
