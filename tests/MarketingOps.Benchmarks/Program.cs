using System.Reflection;

namespace MarketingOps.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/MarketingOps.Benchmarks -- [--quick] [SUITE...]</c>: runs every suite, or the named ones.
/// Results are ratios against a baseline measured in the same run, never absolute timing assertions.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var suites = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var unknown = names.Except(suites.Select(s => s.Name), StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown suite(s): {string.Join(", ", unknown)}; known: {string.Join(", ", suites.Select(s => s.Name))}");
            return 2;
        }

        var report = new BenchmarkReport();
        Console.WriteLine($"MarketingOps benchmarks ({(quick ? "quick" : "full")} mode), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var suite in suites.Where(s => names.Count == 0 || names.Contains(s.Name)))
        {
            Console.WriteLine($"--- {suite.Name}");
            await suite.RunAsync(quick, report, CancellationToken.None);
        }

        return 0;
    }
}
