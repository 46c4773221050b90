using System.Diagnostics;
using System.Globalization;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace MarketingOps.Benchmarks.Publishing;

/// <summary>
/// Issue 3: end-to-end publish throughput on SQLite (due → Published, to a recording fake on loopback) against bare
/// Quartz firing a no-op job on the same kind of store, as a ratio; and firing lateness with many pending posts.
/// </summary>
internal sealed class PublishingBenchmark : IBenchmark
{
    private const int Accounts = 8;
    private const int Concurrency = 4;

    public string Name => "publishing";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        // Alternating rounds, medians: the machine is shared, so one round of each says little.
        var posts = quick ? 300 : 1000;
        var rounds = quick ? 3 : 5;
        var bareTimes = new List<double>();
        var engineTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            bareTimes.Add((await BareQuartzAsync(posts, cancellationToken)).TotalSeconds);
            engineTimes.Add((await EngineThroughputAsync(posts, cancellationToken)).TotalSeconds);
        }

        var bare = Measures.Median(bareTimes);
        var engine = Measures.Median(engineTimes);
        report.Add(Name, "bare Quartz no-op job, SQLite store", posts / bare, "jobs/s", $"{posts} due at once, {Concurrency} threads, median of {rounds}");
        report.Add(Name, "mops end-to-end publish, SQLite store", posts / engine, "posts/s", $"{posts} due at once, {Accounts} accounts, loopback HTTP, median of {rounds}");
        report.Add(Name, "throughput ratio bare Quartz / mops", engine / bare, "x", "target <= 2");

        var pending = quick ? 2_000 : 10_000;
        var (p50, p99, probes) = await LatenessAsync(pending, quick ? 40 : 200, cancellationToken);
        report.Add(Name, $"firing lateness p50, {pending} pending posts", p50, "ms", $"{probes} probes");
        report.Add(Name, $"firing lateness p99, {pending} pending posts", p99, "ms", "target < 1000");
    }

    private static async Task<TimeSpan> BareQuartzAsync(int jobs, CancellationToken cancellationToken)
    {
        var folder = NewFolder();
        var path = Path.Combine(folder, "bare.db");
        await UseWalAsync(path);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<NoOpJob.Counter>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.IdleWaitTime = TimeSpan.FromSeconds(1));
            q.UseDefaultThreadPool(Concurrency);
            q.UsePersistentStore(s =>
            {
                s.UseSqlite($"Data Source={path};Default Timeout=30");
                s.ProvisionSchema();
            });
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var counter = provider.GetRequiredService<NoOpJob.Counter>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < jobs; i++)
        {
            var job = JobBuilder.Create<NoOpJob>().WithIdentity($"job{i}", "bare").UsingJobData("postId", $"post{i}").RequestRecovery(true).Build();
            var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity($"job{i}", "bare").ForJob(job).StartAt(now)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        await scheduler.Start(cancellationToken);
        while (counter.Count < jobs)
        {
            await Task.Delay(5, cancellationToken);
        }

        var elapsed = watch.Elapsed;
        await scheduler.Shutdown(true, cancellationToken);
        Delete(folder);
        return elapsed;
    }

    private static async Task<TimeSpan> EngineThroughputAsync(int count, CancellationToken cancellationToken)
    {
        await using var platform = new LoopbackPlatform(Accounts);
        var folder = NewFolder();
        await using var engine = await Engine.StartAsync(folder, platform, cancellationToken);
        var scheduler = await engine.Provider.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await scheduler.Standby(cancellationToken);
        var posts = engine.Provider.GetRequiredService<PostService>();
        var at = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            await posts.ScheduleAsync(new ScheduleRequest($"account{i % Accounts}", at, BenchmarkTexts.For(i, "throughput")), cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        await scheduler.Start(cancellationToken);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "data", "mops.db")}");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM posts WHERE state = 'Published'";
        // Polled gently: a tight loop of reads would steal CPU from the engine it measures on two cores.
        while ((long)(await command.ExecuteScalarAsync(cancellationToken))! < count)
        {
            await Task.Delay(25, cancellationToken);
        }

        var elapsed = watch.Elapsed;
        await engine.DisposeAsync();
        Delete(folder);
        return elapsed;
    }

    private static async Task<(double P50, double P99, int Probes)> LatenessAsync(int pending, int probes, CancellationToken cancellationToken)
    {
        await using var platform = new LoopbackPlatform(Accounts);
        var folder = NewFolder();
        await using var engine = await Engine.StartAsync(folder, platform, cancellationToken);
        var posts = engine.Provider.GetRequiredService<PostService>();
        var later = TimeProvider.System.GetUtcNow().AddDays(1);
        for (var i = 0; i < pending; i++)
        {
            var at = later.AddSeconds(i).ToString("O", CultureInfo.InvariantCulture);
            await posts.ScheduleAsync(new ScheduleRequest($"account{i % Accounts}", at, BenchmarkTexts.For(i, "pending")), cancellationToken);
        }

        // Probes 150 ms apart, one account each in turn, so the measure is the scheduler's lateness, not a queue.
        var first = TimeProvider.System.GetUtcNow().AddSeconds(2);
        var scheduled = new List<Post>();
        for (var i = 0; i < probes; i++)
        {
            var at = first.AddMilliseconds(i * 150).ToString("O", CultureInfo.InvariantCulture);
            scheduled.Add((await posts.ScheduleAsync(new ScheduleRequest($"account{i % Accounts}", at, BenchmarkTexts.For(pending + i, "probe")), cancellationToken)).Post);
        }

        var deadline = Stopwatch.StartNew();
        while (scheduled.Any(p => !platform.Received.ContainsKey(p.IdempotencyKey)) && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50, cancellationToken);
        }

        var lateness = scheduled
            .Where(p => platform.Received.ContainsKey(p.IdempotencyKey))
            .Select(p => (platform.Received[p.IdempotencyKey] - p.DueAt).TotalMilliseconds)
            .Order()
            .ToList();
        await engine.DisposeAsync();
        Delete(folder);
        return lateness.Count == probes
            ? (Percentile(lateness, 0.50), Percentile(lateness, 0.99), probes)
            : throw new InvalidOperationException($"only {lateness.Count} of {probes} probes were published");
    }


    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mops-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void Delete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task UseWalAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The engine as `mops run` wires it, in process.</summary>
    private sealed class Engine : IAsyncDisposable
    {
        private readonly IHostedService _hosted;
        private bool _disposed;

        private Engine(ServiceProvider provider, IHostedService hosted)
        {
            Provider = provider;
            _hosted = hosted;
        }

        public ServiceProvider Provider { get; }

        public static async Task<Engine> StartAsync(string folder, LoopbackPlatform platform, CancellationToken cancellationToken)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Scheduling:MaxConcurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
                ["Scheduling:PollInterval"] = "00:00:01",
                // The guardrails stay in the measured pipeline; only the caps and quiet hours, which would stop a load test, are lifted.
                ["Guardrails:PostsPerDay"] = "10000000",
                ["Guardrails:QuietHoursStart"] = "",
                ["Guardrails:QuietHoursEnd"] = "",
            };
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IPlatformRegistry>(platform);
            services.AddMarketingOpsPublishing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), folder);
            services.AddMarketingOpsPublishingEngine();
            var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().Single();
            await hosted.StartAsync(cancellationToken);
            return new Engine(provider, hosted);
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _hosted.StopAsync(CancellationToken.None);
            await Provider.DisposeAsync();
        }
    }
}
