using System.Diagnostics;
using System.Text.Json.Nodes;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Benchmarks.Host;

/// <summary>Issue 2: host start-to-ready against a bare generic host, and memory across plugin unload/reload cycles.</summary>
internal sealed class HostBenchmark : IBenchmark
{
    public string Name => "host";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var folder = CreateClientFolder();
        try
        {
            await StartupAsync(quick ? 5 : 20, folder, report, cancellationToken);
            await ReloadMemoryAsync(quick ? 50 : 50, folder, report, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder.Root, recursive: true);
        }
    }

    private static async Task StartupAsync(int runs, ClientFolder folder, BenchmarkReport report, CancellationToken cancellationToken)
    {
        // One untimed round of each warms the JIT for both, so the ratio compares steady-state starts.
        await StartBareAsync(cancellationToken);
        await StartMopsAsync(folder, cancellationToken);
        var bare = new List<double>();
        var mops = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            bare.Add(await StartBareAsync(cancellationToken));
            mops.Add(await StartMopsAsync(folder, cancellationToken));
        }

        var bareMedian = Measures.Median(bare);
        var mopsMedian = Measures.Median(mops);
        report.Add("host", "bare generic host start (median)", bareMedian, "ms");
        report.Add("host", "mops host start to ready, default plugins (median)", mopsMedian, "ms");
        report.Add("host", "start ratio mops / bare", mopsMedian / bareMedian, "x", $"{runs} runs each");
    }

    private static async Task<double> StartBareAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var host = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()).Build();
        await host.StartAsync(cancellationToken);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await host.StopAsync(cancellationToken);
        return elapsed;
    }

    private static async Task<double> StartMopsAsync(ClientFolder folder, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var host = MopsHost.CreateBuilder(new MopsHostOptions(folder) { ConsoleLevel = Serilog.Events.LogEventLevel.Fatal }).Build();
        await host.StartAsync(cancellationToken);
        var ready = host.Services.GetRequiredService<IPlatformRegistry>().Platforms.Count > 0;
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await host.StopAsync(cancellationToken);
        return ready ? elapsed : throw new InvalidOperationException("no platform became active; build the solution first");
    }

    private static async Task ReloadMemoryAsync(int cycles, ClientFolder folder, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var file = PluginsFileReader.Read(folder.PluginsFile);
        var activator = new PluginActivator(NoSecretStore.Instance, NullLoggerFactory.Instance, TimeProvider.System);
        using var manager = new PluginManager(file, "plugins.json", activator, NullLogger<PluginManager>.Instance, watch: false);
        manager.LoadAll();
        await ExerciseAsync(manager, 0, cancellationToken);
        var (managedFirst, workingSetFirst) = Measure();
        for (var i = 1; i <= cycles; i++)
        {
            manager.Reload("sandbox");
            await ExerciseAsync(manager, i, cancellationToken);
            if (i % 10 == 0)
            {
                var (m, w) = Measure();
                Console.WriteLine($"  after {i,3} reloads: managed {m / 1048576.0:0.0} MB, working set {w / 1048576.0:0.0} MB, live load contexts {System.Runtime.Loader.AssemblyLoadContext.All.Count()}");
            }
        }

        var (managedAfter, workingSetAfter) = Measure();
        report.Add("host", $"managed heap growth after {cycles} reloads", (managedAfter - managedFirst) / 1048576.0, "MB", $"first load {managedFirst / 1048576.0:0.0} MB");
        report.Add("host", $"working set growth after {cycles} reloads", (workingSetAfter - workingSetFirst) / 1048576.0, "MB", "target < 10 MB");
    }

    private static async Task ExerciseAsync(PluginManager manager, int cycle, CancellationToken cancellationToken)
    {
        var platform = manager.FindPlatform("sandbox") ?? throw new InvalidOperationException("sandbox not active");
        var account = manager.Accounts.First(a => a.Platform == "sandbox").Name;
        await platform.PublishAsync(new PublishRequest(account, new PostDraft($"reload cycle {cycle}"), $"bench-{cycle}", 1, TimeProvider.System.GetUtcNow()), cancellationToken);
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Aggressive returns the freed segments to the OS, so the working set shows what is really still held.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    /// <summary>A temporary client folder whose plugins.json is the repository's, with absolute plugin paths.</summary>
    private static ClientFolder CreateClientFolder()
    {
        var repo = FindRepositoryRoot();
        var root = Path.Combine(Path.GetTempPath(), "mops-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(repo, "plugins.json")))!;
        foreach (var plugin in json["plugins"]!.AsArray())
        {
            plugin!["path"] = Path.GetFullPath(Path.Combine(repo, plugin["path"]!.GetValue<string>()));
        }

        File.WriteAllText(Path.Combine(root, "plugins.json"), json.ToJsonString());
        return new ClientFolder(root);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
