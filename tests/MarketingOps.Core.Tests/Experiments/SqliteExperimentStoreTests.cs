using MarketingOps.Core.Experiments;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class SqliteExperimentStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly SqliteExperimentStore _store;

    public SqliteExperimentStoreTests() => _store = new SqliteExperimentStore(_temp.File("s.db"), new FakeTimeProvider(T0));

    private async Task<(Experiment, IReadOnlyList<ExperimentPost>)> CreateAsync(string name = "store")
    {
        var definition = new ExperimentDefinition(name, [new VariantDefinition("a", "x"), new VariantDefinition("b", "y")], ["brand"], MetricDefinition.EngagementRate);
        var plan = new[]
        {
            new PlannedPost(0, 0, 0, "brand", T0, "09:00", "x"),
            new PlannedPost(1, 0, 1, "brand", T0.AddHours(1), "10:00", "y"),
        };
        return await _store.CreateAsync(new Experiment(Guid.NewGuid().ToString("N"), definition, ExperimentState.Running, T0, T0.AddDays(1)), plan, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Experiments_are_found_by_id_name_or_unique_id_prefix_and_names_are_unique()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, _) = await CreateAsync();

        Assert.Equal(experiment.Id, (await _store.FindAsync(experiment.Id, ct))!.Id);
        Assert.Equal(experiment.Id, (await _store.FindAsync("STORE", ct))!.Id);
        Assert.Equal(experiment.Id, (await _store.FindAsync(experiment.Id[..6], ct))!.Id);
        Assert.Null(await _store.FindAsync("nothing", ct));
        await Assert.ThrowsAsync<ExperimentRequestException>(() => CreateAsync("Store"));
        Assert.Equal(experiment.Definition, (await _store.FindAsync(experiment.Id, ct))!.Definition with { Variants = experiment.Definition.Variants, Accounts = experiment.Definition.Accounts, Guardrails = experiment.Definition.Guardrails, Allocation = experiment.Definition.Allocation });
    }

    [Fact]
    public async Task Updates_are_compare_and_set_on_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, _) = await CreateAsync();

        var first = await _store.TryUpdateAsync(experiment, experiment with { Looks = 1 }, ct);
        var stale = await _store.TryUpdateAsync(experiment, experiment with { Looks = 9 }, ct);

        Assert.NotNull(first);
        Assert.Null(stale);
        Assert.Equal(1, (await _store.FindAsync(experiment.Id, ct))!.Looks);
    }

    [Fact]
    public async Task Every_snapshot_is_kept_and_latest_and_hourly_tables_agree_with_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        var a = posts[0].Key;
        var b = posts[1].Key;
        await _store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(30), new PostCounters(100, 5, 1, 0, null, 2)), new MetricSnapshot(b, T0.AddMinutes(90), new PostCounters(50, 1, 0, 0, null, 1))], ct);
        await _store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(150), new PostCounters(300, null, 2, 1, null, 6))], ct);
        // The same instant twice (a retried round) and an older one change nothing derived.
        await _store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(150), new PostCounters(999, 9, 9, 9, 9, 9)), new MetricSnapshot(a, T0.AddMinutes(60), new PostCounters(200, 6, 1, 0, null, 4))], ct);

        var history = await _store.GetHistoryAsync(a, ct);
        Assert.Equal([T0.AddMinutes(30), T0.AddMinutes(60), T0.AddMinutes(150)], history.Select(h => h.At));
        Assert.Null(history[2].Counters.Likes);

        var latest = (await _store.GetLatestAsync(experiment.Id, ct)).ToDictionary(l => l.PostKey);
        Assert.Equal(new PostCounters(300, 5, 2, 1, null, 6), latest[a].Counters);
        Assert.Equal(T0.AddMinutes(150), latest[a].At);

        var series = await _store.GetSeriesAsync(experiment.Id, ct);
        Assert.Equal(300, series.Where(s => s.Variant == 0).Sum(s => s.Gain.Impressions));
        Assert.Equal(6, series.Where(s => s.Variant == 0).Sum(s => s.Gain.LinkClicks));
        Assert.Equal([T0, T0.AddHours(2)], series.Where(s => s.Variant == 0).Select(s => s.Hour));
        Assert.Equal(50, series.Single(s => s.Variant == 1).Gain.Impressions);
    }

    [Fact]
    public async Task A_deleted_post_keeps_its_last_counters()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        await _store.AddSnapshotsAsync([new MetricSnapshot(posts[0].Key, T0.AddHours(1), new PostCounters(100, 1, 1, 1, 1, 1))], ct);
        await _store.AddSnapshotsAsync([new MetricSnapshot(posts[0].Key, T0.AddHours(2), default, Deleted: true)], ct);

        var latest = Assert.Single(await _store.GetLatestAsync(experiment.Id, ct));
        Assert.True(latest.Deleted);
        Assert.Equal(100, latest.Counters.Impressions);
        Assert.Equal(100, (await _store.GetSeriesAsync(experiment.Id, ct)).Sum(s => s.Gain.Impressions));
    }

    public void Dispose() => _temp.Dispose();
}
