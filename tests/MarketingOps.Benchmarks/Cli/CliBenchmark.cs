using System.Diagnostics;
using System.Globalization;
using MarketingOps.Benchmarks.Publishing;

namespace MarketingOps.Benchmarks.Cli;

/// <summary>
/// Issue 12: `post list`, `post schedule` and `guardrails check` as whole processes (`dotnet mops.dll …`) against an
/// empty console program (`dotnet empty-console.dll`), run in alternation so both see the same machine load.
/// <c>MOPS_BENCH_CLI</c> names another mops.dll to time (for example a ReadyToRun publish of the host).
/// </summary>
internal sealed class CliBenchmark : IBenchmark
{
    private const string Account = "bench";

    public string Name => "cli";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var mops = Environment.GetEnvironmentVariable("MOPS_BENCH_CLI") is { Length: > 0 } given ? Path.GetFullPath(given) : Path.Combine(AppContext.BaseDirectory, "mops.dll");
        var empty = Path.Combine(AppContext.BaseDirectory, "empty-console.dll");
        var root = Directory.CreateTempSubdirectory("mops-cli-bench-").FullName;
        try
        {
            var home = Path.Combine(root, Account);
            await RunAsync(root, mops, ["init", home, "--platform", "sandbox"], cancellationToken);
            Console.WriteLine($"  mops: {mops}");
            var runs = quick ? 5 : 20;
            var at = TimeProvider.System.GetUtcNow().AddDays(30);
            var commands = new (string Name, Func<int, string[]> Arguments)[]
            {
                ("post list", _ => ["post", "list", "--home", home]),
                ("post schedule", i => ["post", "schedule", "--account", Account, "--at", at.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture), "--text", BenchmarkTexts.For(i + 1, "cli"), "--home", home]),
                ("guardrails check", i => ["guardrails", "check", "--account", Account, "--text", BenchmarkTexts.For(i + 1000, "check"), "--home", home]),
            };

            // One untimed run of each fills the file cache for both.
            await TimeAsync(root, empty, [], cancellationToken);
            foreach (var (_, arguments) in commands)
            {
                await TimeAsync(root, mops, arguments(-1), cancellationToken);
            }

            foreach (var (name, arguments) in commands)
            {
                var baseline = new List<double>();
                var measured = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    baseline.Add(await TimeAsync(root, empty, [], cancellationToken));
                    measured.Add(await TimeAsync(root, mops, arguments(i), cancellationToken));
                }

                report.Add("cli", $"{name}: mops (median)", Measures.Median(measured), "ms");
                report.Add("cli", $"{name}: empty console (median)", Measures.Median(baseline), "ms");
                report.Add("cli", $"{name}: ratio mops / empty console", Measures.Median(measured) / Measures.Median(baseline), "x", $"{runs} alternating runs each; target <= 3");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(string directory, string dll, string[] arguments, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await RunAsync(directory, dll, arguments, cancellationToken);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task RunAsync(string directory, string dll, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {Path.GetFileName(dll)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
