using System.Diagnostics;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Statistics;
using MarketingOps.Reporting.Experiments;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Benchmarks.Experiments;

/// <summary>
/// Issue 5, acceptance 4: analysing an experiment of 8 variants × 1,000 posts with hourly snapshots for 30 days
/// (5.76 million snapshots) from the SQLite store — time and memory; target under 2 s. The history is bulk-loaded
/// (the incremental path would take minutes to fill it); one real collection round of 8,000 snapshots is timed on
/// top, and the latest/hourly tables the analysis reads are checked against an aggregate over the full history.
/// </summary>
internal sealed class ExperimentAnalysisBenchmark : IBenchmark
{
    private const int Variants = 8;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public string Name => "experiments";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var postsPerVariant = quick ? 100 : 1000;
        var hours = quick ? 24 * 7 : 24 * 30;
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mops-bench-exp-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var store = new SqliteExperimentStore(Path.Combine(folder, "experiments.db"), TimeProvider.System);
            var watch = Stopwatch.StartNew();
            var (experiment, posts) = await CreateAsync(store, postsPerVariant, cancellationToken);
            var snapshots = await BulkLoadAsync(store, experiment, posts, hours, cancellationToken);
            report.Add("experiments", $"dataset: {Variants} variants × {postsPerVariant} posts × {hours} hourly snapshots", snapshots, "snapshots",
                $"built in {watch.Elapsed.TotalSeconds:0.0} s, file {new FileInfo(store.Path).Length / 1048576.0:0} MB");

            var analyser = new ExperimentAnalyser(new StatisticsOptions());
            SqliteConnection.ClearAllPools();
            var (coldMs, coldReport, _) = await AnalyseAsync(store, analyser, experiment, cancellationToken);
            var runs = new List<double>();
            long allocated = 0;
            for (var i = 0; i < (quick ? 3 : 5); i++)
            {
                var (ms, _, bytes) = await AnalyseAsync(store, analyser, experiment, cancellationToken);
                runs.Add(ms);
                allocated = bytes;
            }

            report.Add("experiments", "analysis from the store, first run (cold connection)", coldMs, "ms", "target < 2000 ms");
            report.Add("experiments", "analysis from the store (median of warm runs)", Measures.Median(runs), "ms", "target < 2000 ms");
            report.Add("experiments", "managed memory allocated by one analysis", allocated / 1048576.0, "MB");

            watch.Restart();
            var html = HtmlReportWriter.Write(coldReport);
            report.Add("experiments", "HTML report with three charts", watch.Elapsed.TotalMilliseconds, "ms", $"{html.Length / 1024} KB");

            watch.Restart();
            var fromHistory = await LatestFromHistoryAsync(store, experiment.Id, cancellationToken);
            var historyMs = watch.Elapsed.TotalMilliseconds;
            var latest = await store.GetLatestAsync(experiment.Id, cancellationToken);
            var agree = latest.Count == fromHistory.Count && latest.All(l => fromHistory[l.PostKey] == l.Counters);
            report.Add("experiments", "same latest counters by aggregating the full history in SQL", historyMs, "ms",
                $"{(agree ? "agrees" : "DISAGREES")} with the latest table; ratio {historyMs / Measures.Median(runs):0.0}× the analysis");

            watch.Restart();
            var round = posts.Select(p => new MetricSnapshot(p.Key, Start.AddHours(hours + 1), new PostCounters(10_000, 300, 20, 10, null, 150))).ToList();
            await store.AddSnapshotsAsync(round, cancellationToken);
            report.Add("experiments", $"one collection round: {round.Count} snapshots into history, latest and hourly", watch.Elapsed.TotalMilliseconds, "ms");

            using var process = Process.GetCurrentProcess();
            report.Add("experiments", "peak working set of the benchmark process", process.PeakWorkingSet64 / 1048576.0, "MB", "includes building the dataset");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double Ms, ExperimentReport Report, long Allocated)> AnalyseAsync(SqliteExperimentStore store, ExperimentAnalyser analyser, Experiment experiment, CancellationToken cancellationToken)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var posts = await store.GetPostsAsync(experiment.Id, cancellationToken);
        var latest = await store.GetLatestAsync(experiment.Id, cancellationToken);
        var series = await store.GetSeriesAsync(experiment.Id, cancellationToken);
        var result = analyser.Analyse(experiment, posts, latest, series, experiment.EndsAt);
        var ms = watch.Elapsed.TotalMilliseconds;
        return (ms, result, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static async Task<(Experiment, IReadOnlyList<ExperimentPost>)> CreateAsync(SqliteExperimentStore store, int postsPerVariant, CancellationToken cancellationToken)
    {
        var definition = new ExperimentDefinition(
            "benchmark",
            [.. Enumerable.Range(0, Variants).Select(v => new VariantDefinition($"v{v}", $"variant {v}"))],
            ["brand"],
            MetricDefinition.LinkClickRate)
        {
            Guardrails = [MetricDefinition.RepliesPerImpression],
            Allocation = new AllocationPlan { PostsPerVariant = postsPerVariant, Every = TimeSpan.FromMinutes(1), Start = Start },
        };
        var planned = AllocationPlanner.Plan(definition, _ => TimeZoneInfo.Utc, Start).Posts;
        var experiment = new Experiment("bench" + Guid.NewGuid().ToString("N"), definition, ExperimentState.Running, Start, Start.AddDays(31));
        var (stored, posts) = await store.CreateAsync(experiment, planned, cancellationToken);
        var published = posts.Select(p => p with { Status = ExperimentPostStatus.Published, PostId = $"post-{p.Key}", PlatformPostId = $"x-{p.Key}", PublishedAt = p.Plan.At }).ToList();
        await store.UpdatePostsAsync(published, cancellationToken);
        return (stored, published);
    }

    /// <summary>Writes every post's hourly history, and the latest and hourly rows the incremental path would have produced.</summary>
    private static async Task<long> BulkLoadAsync(SqliteExperimentStore store, Experiment experiment, IReadOnlyList<ExperimentPost> posts, int hours, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO metric_snapshots (post_key, at, deleted, impressions, likes, reposts, replies, quotes, link_clicks) VALUES ($k, $at, 0, $i, $l, $r, $p, NULL, $c)";
        var (k, at, i, l, r, p, c) = (insert.Parameters.Add("$k", SqliteType.Integer), insert.Parameters.Add("$at", SqliteType.Integer), insert.Parameters.Add("$i", SqliteType.Integer),
            insert.Parameters.Add("$l", SqliteType.Integer), insert.Parameters.Add("$r", SqliteType.Integer), insert.Parameters.Add("$p", SqliteType.Integer), insert.Parameters.Add("$c", SqliteType.Integer));
        insert.Prepare();
        var hourly = new Dictionary<(int Variant, long Hour), long[]>();
        var latestRows = new List<(long Key, int Variant, long At, long[] Counters)>();
        long count = 0;
        foreach (var post in posts.OrderBy(p => p.Key))
        {
            var random = new Random((int)post.Key);
            var reach = 2000 + random.Next(6000);
            var rate = 0.01 + (0.001 * post.Variant);
            long[] previous = [0, 0, 0, 0, 0];
            for (var h = 1; h <= hours; h++)
            {
                var when = post.PublishedAt!.Value.AddHours(h);
                var impressions = (long)(reach * (1 - Math.Pow(2, -h / 2.0)));
                long[] counters = [impressions, (long)(impressions * 0.03), (long)(impressions * 0.005), (long)(impressions * 0.002), (long)(impressions * rate)];
                (k.Value, at.Value, i.Value, l.Value, r.Value, p.Value, c.Value) = (post.Key, when.ToUnixTimeMilliseconds(), counters[0], counters[1], counters[2], counters[3], counters[4]);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                var bucket = when.ToUnixTimeMilliseconds() / 3_600_000;
                if (!hourly.TryGetValue((post.Variant, bucket), out var gains))
                {
                    hourly[(post.Variant, bucket)] = gains = new long[5];
                }

                for (var j = 0; j < 5; j++)
                {
                    gains[j] += counters[j] - previous[j];
                }

                previous = counters;
                count++;
            }

            latestRows.Add((post.Key, post.Variant, post.PublishedAt!.Value.AddHours(hours).ToUnixTimeMilliseconds(), previous));
        }

        await using (var latest = connection.CreateCommand())
        {
            latest.Transaction = transaction;
            latest.CommandText = "INSERT INTO metric_latest (post_key, experiment_id, variant, at, deleted, impressions, likes, reposts, replies, quotes, link_clicks) VALUES ($k, $e, $v, $at, 0, $i, $l, $r, $p, NULL, $c)";
            foreach (var row in latestRows)
            {
                latest.Parameters.Clear();
                latest.Parameters.AddWithValue("$k", row.Key);
                latest.Parameters.AddWithValue("$e", experiment.Id);
                latest.Parameters.AddWithValue("$v", row.Variant);
                latest.Parameters.AddWithValue("$at", row.At);
                AddCounters(latest, row.Counters);
                await latest.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var rollup = connection.CreateCommand())
        {
            rollup.Transaction = transaction;
            rollup.CommandText = "INSERT INTO metric_hourly (experiment_id, variant, hour, impressions, likes, reposts, replies, quotes, link_clicks) VALUES ($e, $v, $h, $i, $l, $r, $p, 0, $c)";
            foreach (var ((variant, hour), gains) in hourly)
            {
                rollup.Parameters.Clear();
                rollup.Parameters.AddWithValue("$e", experiment.Id);
                rollup.Parameters.AddWithValue("$v", variant);
                rollup.Parameters.AddWithValue("$h", hour);
                AddCounters(rollup, gains);
                await rollup.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static void AddCounters(SqliteCommand command, long[] counters)
    {
        command.Parameters.AddWithValue("$i", counters[0]);
        command.Parameters.AddWithValue("$l", counters[1]);
        command.Parameters.AddWithValue("$r", counters[2]);
        command.Parameters.AddWithValue("$p", counters[3]);
        command.Parameters.AddWithValue("$c", counters[4]);
    }

    /// <summary>The alternative design: no latest table, the newest snapshot of each post found in the history.</summary>
    private static async Task<Dictionary<long, PostCounters>> LatestFromHistoryAsync(SqliteExperimentStore store, string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.post_key, s.impressions, s.likes, s.reposts, s.replies, s.quotes, s.link_clicks
            FROM experiment_posts p
            JOIN metric_snapshots s ON s.post_key = p.key AND s.at = (SELECT MAX(at) FROM metric_snapshots WHERE post_key = p.key)
            WHERE p.experiment_id = $e
            """;
        command.Parameters.AddWithValue("$e", experimentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<long, PostCounters>();
        while (await reader.ReadAsync(cancellationToken))
        {
            long? At(int index) => reader.IsDBNull(index) ? null : reader.GetInt64(index);
            result[reader.GetInt64(0)] = new PostCounters(At(1), At(2), At(3), At(4), At(5), At(6));
        }

        return result;
    }
}
