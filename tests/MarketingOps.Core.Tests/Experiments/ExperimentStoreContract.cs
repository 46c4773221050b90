using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Experiments.Storage;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>What every experiment store must do; run once per database.</summary>
public abstract class ExperimentStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private IExperimentStore? _store;

    /// <summary>A fresh, empty store.</summary>
    internal abstract Task<IExperimentStore> CreateStoreAsync();

    private async Task<IExperimentStore> StoreAsync() => _store ??= await CreateStoreAsync();

    private async Task<(Experiment, IReadOnlyList<ExperimentPost>)> CreateAsync(string name = "store")
    {
        var store = await StoreAsync();
        var definition = new ExperimentDefinition(name, [new VariantDefinition("a", "x"), new VariantDefinition("b", "y")], ["brand"], MetricDefinition.EngagementRate);
        var plan = new[]
        {
            new PlannedPost(0, 0, 0, "brand", T0, "09:00", "x"),
            new PlannedPost(1, 0, 1, "brand", T0.AddHours(1), "10:00", "y"),
        };
        return await store.CreateAsync(new Experiment(Guid.NewGuid().ToString("N"), definition, ExperimentState.Running, T0, T0.AddDays(1)), plan, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Experiments_are_found_by_id_name_or_unique_id_prefix_and_names_are_unique()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, _) = await CreateAsync();
        var store = await StoreAsync();

        Assert.Equal(experiment.Id, (await store.FindAsync(experiment.Id, ct))!.Id);
        Assert.Equal(experiment.Id, (await store.FindAsync("STORE", ct))!.Id);
        Assert.Equal(experiment.Id, (await store.FindAsync(experiment.Id[..6], ct))!.Id);
        Assert.Null(await store.FindAsync("nothing", ct));
        await Assert.ThrowsAsync<ExperimentRequestException>(() => CreateAsync("Store"));
        Assert.Equal(experiment.Definition, (await store.FindAsync(experiment.Id, ct))!.Definition with { Variants = experiment.Definition.Variants, Accounts = experiment.Definition.Accounts, Guardrails = experiment.Definition.Guardrails, Allocation = experiment.Definition.Allocation });
    }

    [Fact]
    public async Task A_stopped_experiments_name_can_be_used_again_and_the_name_then_finds_the_new_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, _) = await CreateAsync("reuse");
        var store = await StoreAsync();

        var running = await Assert.ThrowsAsync<ExperimentRequestException>(() => CreateAsync("REUSE"));
        await store.TryUpdateAsync(first, first with { State = ExperimentState.Stopped }, ct);
        var (second, _) = await CreateAsync("reuse");

        Assert.Contains("stop it first", running.Problems[0], StringComparison.Ordinal);
        Assert.Equal(second.Id, (await store.FindAsync("reuse", ct))!.Id);
        Assert.Equal(ExperimentState.Stopped, (await store.FindAsync(first.Id, ct))!.State);
        Assert.Equal(2, (await store.ListAsync(ct)).Count);
        var third = await Assert.ThrowsAsync<ExperimentRequestException>(() => CreateAsync("reuse"));
        Assert.Contains($"(id {second.Id})", third.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_experiment_leaves_nothing_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync("gone");
        var store = await StoreAsync();

        await store.DeleteAsync(experiment.Id, ct);

        Assert.Null(await store.FindAsync(experiment.Id, ct));
        Assert.Empty(await store.GetPostsAsync(experiment.Id, ct));
        var (again, newPosts) = await CreateAsync("gone");
        Assert.NotEqual(experiment.Id, again.Id);
        Assert.True(newPosts.Min(p => p.Key) > posts.Max(p => p.Key), "post keys are never reused: snapshots point at them");
    }

    [Fact]
    public async Task Updates_are_compare_and_set_on_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, _) = await CreateAsync();
        var store = await StoreAsync();

        var first = await store.TryUpdateAsync(experiment, experiment with { Looks = 1 }, ct);
        var stale = await store.TryUpdateAsync(experiment, experiment with { Looks = 9 }, ct);

        Assert.NotNull(first);
        Assert.Null(stale);
        Assert.Equal(1, (await store.FindAsync(experiment.Id, ct))!.Looks);
    }

    [Fact]
    public async Task Every_snapshot_is_kept_and_latest_and_hourly_tables_agree_with_the_history()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        var store = await StoreAsync();
        var a = posts[0].Key;
        var b = posts[1].Key;
        await store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(30), new PostCounters(100, 5, 1, 0, null, 2)), new MetricSnapshot(b, T0.AddMinutes(90), new PostCounters(50, 1, 0, 0, null, 1))], ct);
        await store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(150), new PostCounters(300, null, 2, 1, null, 6))], ct);
        // The same instant twice (a retried round) and an older one change nothing derived.
        await store.AddSnapshotsAsync([new MetricSnapshot(a, T0.AddMinutes(150), new PostCounters(999, 9, 9, 9, 9, 9)), new MetricSnapshot(a, T0.AddMinutes(60), new PostCounters(200, 6, 1, 0, null, 4))], ct);

        var history = await store.GetHistoryAsync(a, ct);
        Assert.Equal([T0.AddMinutes(30), T0.AddMinutes(60), T0.AddMinutes(150)], history.Select(h => h.At));
        Assert.Null(history[2].Counters.Likes);

        var latest = (await store.GetLatestAsync(experiment.Id, ct)).ToDictionary(l => l.PostKey);
        Assert.Equal(new PostCounters(300, 5, 2, 1, null, 6), latest[a].Counters);
        Assert.Equal(T0.AddMinutes(150), latest[a].At);

        var series = await store.GetSeriesAsync(experiment.Id, ct);
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
        var store = await StoreAsync();
        await store.AddSnapshotsAsync([new MetricSnapshot(posts[0].Key, T0.AddHours(1), new PostCounters(100, 1, 1, 1, 1, 1))], ct);
        await store.AddSnapshotsAsync([new MetricSnapshot(posts[0].Key, T0.AddHours(2), default, Deleted: true)], ct);

        var latest = Assert.Single(await store.GetLatestAsync(experiment.Id, ct));
        Assert.True(latest.Deleted);
        Assert.Equal(100, latest.Counters.Impressions);
        Assert.Equal(100, (await store.GetSeriesAsync(experiment.Id, ct)).Sum(s => s.Gain.Impressions));
    }

    [Fact]
    public async Task One_round_with_several_snapshots_of_a_post_applies_them_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        var store = await StoreAsync();
        var a = posts[0].Key;
        var b = posts[1].Key;
        await store.AddSnapshotsAsync(
        [
            new MetricSnapshot(a, T0.AddMinutes(30), new PostCounters(100, 1, null, null, null, 1)),
            new MetricSnapshot(b, T0.AddMinutes(30), new PostCounters(40, 2, 0, 0, 0, 0)),
            new MetricSnapshot(a, T0.AddMinutes(90), new PostCounters(250, null, null, null, null, 3)),
            new MetricSnapshot(a, T0.AddMinutes(90), new PostCounters(999, 9, 9, 9, 9, 9)),
            new MetricSnapshot(a, T0.AddMinutes(60), new PostCounters(180, 1, null, null, null, 2)),
        ], ct);

        var history = await store.GetHistoryAsync(a, ct);
        Assert.Equal([T0.AddMinutes(30), T0.AddMinutes(60), T0.AddMinutes(90)], history.Select(h => h.At));
        Assert.Equal(250, history[2].Counters.Impressions);

        var latest = (await store.GetLatestAsync(experiment.Id, ct)).ToDictionary(l => l.PostKey);
        Assert.Equal(new PostCounters(250, 1, null, null, null, 3), latest[a].Counters);
        Assert.Equal(40, latest[b].Counters.Impressions);

        var series = await store.GetSeriesAsync(experiment.Id, ct);
        Assert.Equal([(0, T0, 100L), (1, T0, 40L), (0, T0.AddHours(1), 150L)], series.Select(s => (s.Variant, s.Hour, s.Gain.Impressions!.Value)));
    }

    [Fact]
    public async Task Posts_added_later_are_numbered_after_the_last_slot_and_updates_round_trip()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        var store = await StoreAsync();

        var added = await store.AddPostsAsync(experiment.Id, [new PlannedPost(0, 1, 1, "brand", T0.AddDays(1), "09:00", "z")], ct);
        var published = added[0] with { Status = ExperimentPostStatus.Published, PostId = "p-1", PlatformPostId = "x-1", PublishedAt = T0.AddDays(1), Detail = "ok" };
        await store.UpdatePostsAsync([published, posts[0] with { Status = ExperimentPostStatus.Scheduled }], ct);

        var stored = await store.GetPostsAsync(experiment.Id, ct);
        Assert.Equal([0, 1, 2], stored.Select(p => p.Plan.Slot));
        Assert.Equal(published with { Plan = published.Plan with { Slot = 2 } }, stored[2]);
        Assert.Equal(ExperimentPostStatus.Scheduled, stored[0].Status);
        Assert.Null(stored[0].PostId);
        Assert.Equal([experiment.Id], (await store.ListAsync([ExperimentState.Running], ct)).Select(e => e.Id));
        Assert.Empty(await store.ListAsync([ExperimentState.Stopped], ct));
    }

    [Fact]
    public async Task Rounds_written_at_once_keep_the_hourly_gains_summing_to_the_latest_counters()
    {
        var ct = TestContext.Current.CancellationToken;
        var (experiment, posts) = await CreateAsync();
        var store = await StoreAsync();

        // Four writers (hosts or overlapping rounds) interleave snapshots of both posts at distinct instants.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(
            async () =>
            {
                for (var round = 0; round < 5; round++)
                {
                    var minute = (round * 4) + w + 1;
                    await store.AddSnapshotsAsync([.. posts.Select(p => new MetricSnapshot(p.Key, T0.AddMinutes(minute * 7), new PostCounters(minute * 10 * (p.Variant + 1), minute, null, null, null, null)))], ct);
                }
            },
            ct)));

        var latest = await store.GetLatestAsync(experiment.Id, ct);
        var series = await store.GetSeriesAsync(experiment.Id, ct);
        foreach (var post in latest)
        {
            Assert.Equal(post.Counters.Impressions, series.Where(s => s.Variant == post.Variant).Sum(s => s.Gain.Impressions));
            Assert.Equal(post.Counters.Likes, series.Where(s => s.Variant == post.Variant).Sum(s => s.Gain.Likes));
        }

        Assert.Equal(2, latest.Count);
        Assert.Equal(20, (await store.GetHistoryAsync(posts[0].Key, ct)).Count);
    }
}
