using System.Diagnostics;
using System.Globalization;
using MarketingOps.Benchmarks.Publishing;

namespace MarketingOps.Benchmarks.Cli;

/// <summary>
/// Issue 12: `post list`, `post schedule` and `guardrails check` as whole processes (`dotnet mops.dll …`) against an
/// empty console program (`dotnet empty-console.dll`), run in alternation so both see the same machine load.
/// Each command is timed twice: served by the resident mops process (the default: the call's own process only hands it
/// over), and in a process of its own (<c>MOPS_CLI_RESIDENT=0</c>, how every call ran before). The resident process is
/// this run's alone (its socket in the run's folder) and is stopped at the end.
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

            // One untimed run of each fills the file cache for all, and the first starts the resident process.
            await TimeAsync(root, empty, [], cancellationToken);
            foreach (var (_, arguments) in commands)
            {
                await TimeAsync(root, mops, arguments(-1), cancellationToken);
            }

            var resident = await ResidentAsync(root, cancellationToken);
            var load = Measures.LoadAverage();
            foreach (var (name, arguments) in commands)
            {
                var (baseline, served, alone) = (new List<double>(), new List<double>(), new List<double>());
                for (var i = 0; i < runs; i++)
                {
                    baseline.Add(await TimeAsync(root, empty, [], cancellationToken));
                    served.Add(await TimeAsync(root, mops, arguments(2 * i), cancellationToken));
                    alone.Add(await TimeAsync(root, mops, arguments((2 * i) + 1), cancellationToken, ownProcess: true));
                }

                var b = Measures.Median(baseline);
                report.Add("cli", $"{name}: empty console (median)", b, "ms", "baseline");
                report.Add("cli", $"{name}: mops, served by the resident process (median)", Measures.Median(served), "ms", $"ratio {Measures.Median(served) / b:0.00}× the empty console; target <= 3");
                report.Add("cli", $"{name}: mops, in a process of its own (median)", Measures.Median(alone), "ms", $"ratio {Measures.Median(alone) / b:0.00}× the empty console (MOPS_CLI_RESIDENT=0)");
            }

            report.Add("cli", "runs per command", runs, "runs", $"empty, served and own-process calls in turn; {load}, then {Measures.LoadAverage()}");
            resident.Kill();
            await resident.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The run's resident process, once it listens (it writes its pid when bound).</summary>
    private static async Task<Process> ResidentAsync(string root, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(1));
        var folder = Path.Combine(root, "mops");
        while (true)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.pid") is [var pidFile] && int.TryParse(await File.ReadAllTextAsync(pidFile, cancellationToken), CultureInfo.InvariantCulture, out var pid))
            {
                return Process.GetProcessById(pid);
            }

            await Task.Delay(20, patience.Token);
        }
    }

    private static async Task<double> TimeAsync(string directory, string dll, string[] arguments, CancellationToken cancellationToken, bool ownProcess = false)
    {
        var watch = Stopwatch.StartNew();
        await RunAsync(directory, dll, arguments, cancellationToken, ownProcess);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task RunAsync(string directory, string dll, string[] arguments, CancellationToken cancellationToken, bool ownProcess = false)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["XDG_RUNTIME_DIR"] = directory;
        start.Environment["MOPS_CLI_RESIDENT"] = ownProcess ? "0" : "1";
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
