using MarketingOps.Core.Accounts;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class ExperimentMetricsCollectorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedPlatform _platform = ScriptedPlatform.Metrics(3);
    private readonly RecordingExperimentPublisher _publisher = new();
    private readonly ExperimentRig _rig;

    public ExperimentMetricsCollectorTests()
    {
        var registry = new FakeRegistry([new ClientAccount("brand", "scripted", TimeZoneInfo.Utc)], [_platform]);
        _rig = new ExperimentRig(_temp.File("m.db"), registry, _publisher, _clock);
    }

    private static ExperimentDefinition Definition(int postsPerVariant) =>
        new("collect", [Wordings.Variant("a", "A text"), Wordings.Variant("b", "B text")], ["brand"], MetricDefinition.LinkClickRate)
        {
            Allocation = new AllocationPlan { PostsPerVariant = postsPerVariant, Every = TimeSpan.FromHours(1), Start = Start.AddHours(1) },
            Horizon = TimeSpan.FromDays(2),
        };

    private async Task<Experiment> CreateAndPublishAllAsync(int postsPerVariant)
    {
        var created = await _rig.Service.CreateAsync(Definition(postsPerVariant), TestContext.Current.CancellationToken);
        foreach (var (id, request) in _publisher.Scheduled)
        {
            _publisher.Publish(id, "x" + id, request.At);
        }

        _clock.Advance(TimeSpan.FromDays(1));
        return created.Experiment;
    }

    [Fact]
    public async Task Counters_are_fetched_in_batches_no_larger_than_the_platforms_limit()
    {
        var experiment = await CreateAndPublishAllAsync(postsPerVariant: 4);
        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 100, [MetricNames.LinkClicks] = 3 });

        var summary = await _rig.Collector.CollectAsync(TestContext.Current.CancellationToken);

        Assert.Equal([3, 3, 2], _platform.MetricsCalls.Select(c => c.Count));
        Assert.Equal(8, _platform.MetricsCalls.SelectMany(c => c).Distinct().Count());
        Assert.Equal(8, summary.Snapshots);
        var latest = await _rig.Store.GetLatestAsync(experiment.Id, TestContext.Current.CancellationToken);
        Assert.Equal(8, latest.Count);
        Assert.All(latest, l => Assert.Equal(_clock.GetUtcNow(), l.At));
    }

    [Fact]
    public async Task Deleted_posts_keep_their_last_counters_and_missing_ones_are_asked_again()
    {
        var experiment = await CreateAndPublishAllAsync(postsPerVariant: 2);
        var ct = TestContext.Current.CancellationToken;
        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 100, [MetricNames.LinkClicks] = 3 });
        await _rig.Collector.CollectAsync(ct);
        var posts = await _rig.Store.GetPostsAsync(experiment.Id, ct);
        var gone = posts[0].PlatformPostId;
        var skipped = posts[1].PlatformPostId;
        _platform.Answer = id => id == gone ? new PostMetrics(id, MetricsStatus.Deleted, new Dictionary<string, long>())
            : id == skipped ? null
            : new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 200 });
        _clock.Advance(TimeSpan.FromHours(1));

        var summary = await _rig.Collector.CollectAsync(ct);

        Assert.Equal(1, summary.Deleted);
        Assert.Equal(1, summary.Unavailable);
        var latest = (await _rig.Store.GetLatestAsync(experiment.Id, ct)).ToDictionary(l => l.PostKey);
        Assert.True(latest[posts[0].Key].Deleted);
        Assert.Equal(new PostCounters(100, null, null, null, null, 3), latest[posts[0].Key].Counters);
        Assert.Equal(100, latest[posts[1].Key].Counters.Impressions);
        Assert.Equal(new PostCounters(200, null, null, null, null, 3), latest[posts[2].Key].Counters);
        Assert.Equal(ExperimentPostStatus.Deleted, (await _rig.Store.GetPostsAsync(experiment.Id, ct))[0].Status);

        // The deleted post is not asked again; the skipped one is.
        _platform.MetricsCalls.Clear();
        await _rig.Collector.CollectAsync(ct);
        Assert.DoesNotContain(gone, _platform.MetricsCalls.SelectMany(c => c));
        Assert.Contains(skipped, _platform.MetricsCalls.SelectMany(c => c));
    }

    [Fact]
    public async Task A_failing_batch_does_not_stop_the_others()
    {
        await CreateAndPublishAllAsync(postsPerVariant: 4);
        _platform.FailOn = "xpost-1";
        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 10 });

        var summary = await _rig.Collector.CollectAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.FailedBatches);
        Assert.Equal(3, summary.Batches);
        Assert.Equal(5, summary.Snapshots);
    }

    [Fact]
    public async Task Posts_not_published_yet_are_not_asked_and_failed_ones_are_recorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(2), ct);
        _publisher.Publish(_publisher.Scheduled[0].PostId, "p1", Start.AddHours(1));
        _publisher.Fail(_publisher.Scheduled[1].PostId, "Failed: rejected by the platform");
        _clock.Advance(TimeSpan.FromHours(3));

        var summary = await _rig.Collector.CollectAsync(ct);

        Assert.Equal(1, summary.PostsAsked);
        var posts = await _rig.Store.GetPostsAsync(created.Experiment.Id, ct);
        Assert.Equal(ExperimentPostStatus.Failed, posts.Single(p => p.PostId == _publisher.Scheduled[1].PostId).Status);
        var experiment = await _rig.Service.GetAsync(created.Experiment.Id, ct);
        Assert.Equal(1, experiment.Looks);
    }

    public void Dispose() => _temp.Dispose();
}
