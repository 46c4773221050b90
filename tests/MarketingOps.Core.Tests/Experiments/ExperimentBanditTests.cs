using MarketingOps.Core.Accounts;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>Bandit rotation: no posts planned up front, posts added one pick at a time, Thompson-sampling picks over the stored counters.</summary>
public sealed class ExperimentBanditTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedPlatform _platform = ScriptedPlatform.Metrics(100);
    private readonly RecordingExperimentPublisher _publisher = new();
    private readonly ExperimentRig _rig;

    public ExperimentBanditTests()
    {
        var registry = new FakeRegistry([new ClientAccount("brand", "scripted", TimeZoneInfo.Utc)], [_platform]);
        _rig = new ExperimentRig(_temp.File("bandit.db"), registry, _publisher, _clock);
    }

    public void Dispose() => _temp.Dispose();

    private static ExperimentDefinition Bandit(MetricDirection direction = MetricDirection.HigherIsBetter, double minimumShare = 0.1) =>
        new("evergreen", [new VariantDefinition("tour", "Tour text"), new VariantDefinition("question", "Question text"), new VariantDefinition("customer", "Customer text")],
            ["brand"], MetricDefinition.LinkClickRate with { Direction = direction })
        {
            Decision = new DecisionRule { Bandit = true, MinimumShare = minimumShare },
        };

    [Fact]
    public async Task A_bandit_plans_no_posts_and_adds_each_pick_after_the_last_slot()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await _rig.Service.CreateAsync(Bandit(), ct);
        var first = await _rig.Service.AddPostAsync("evergreen", "question", "brand", "Question text", Start.AddHours(1), ct);
        var second = await _rig.Service.AddPostAsync("evergreen", "QUESTION", "brand", "Question text", Start.AddDays(1), ct);

        Assert.Empty(created.Posts);
        Assert.Equal(ExperimentState.Running, created.Experiment.State);
        Assert.Equal([0, 1], (await _rig.Service.GetPostsAsync(created.Experiment.Id, ct)).Select(p => p.Plan.Slot));
        Assert.Equal((1, 0, 1), (first.Variant, first.Plan.Round, first.Status == ExperimentPostStatus.Scheduled ? 1 : 0));
        Assert.Equal(1, second.Plan.Round);
        Assert.Equal(2, _publisher.Scheduled.Count);
        Assert.All(_publisher.Scheduled, s => Assert.Equal(("question", created.Experiment.Id), (s.Request.Variant, s.Request.ExperimentId)));
    }

    [Fact]
    public async Task Adding_a_post_of_an_unknown_variant_or_to_a_stopped_experiment_is_refused_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        await _rig.Service.CreateAsync(Bandit(), ct);

        var unknown = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.AddPostAsync("evergreen", "nope", "brand", "x", Start.AddHours(1), ct));
        await _rig.Service.StopAsync("evergreen", "test", ct);
        var stopped = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.AddPostAsync("evergreen", "tour", "brand", "x", Start.AddHours(1), ct));

        Assert.Contains("its variants: tour, question, customer", unknown.Problems[0], StringComparison.Ordinal);
        Assert.Contains("is Stopped", stopped.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bandit_is_never_decided_however_clear_its_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var experiment = (await _rig.Service.CreateAsync(Bandit(), ct)).Experiment;
        await PublishAndMeasureAsync(clicks: v => v == "customer" ? 500 : 20, ct);

        _clock.Advance(TimeSpan.FromDays(30));
        await _rig.Collector.CollectAsync(ct);

        var after = await _rig.Service.GetAsync(experiment.Id, ct);
        Assert.Equal(ExperimentState.Running, after.State);
        Assert.Null(after.Decision);
    }

    [Fact]
    public async Task Picks_favour_the_variant_with_the_best_counters_and_keep_every_variant_its_minimum_share()
    {
        var ct = TestContext.Current.CancellationToken;
        await _rig.Service.CreateAsync(Bandit(minimumShare: 0.1), ct);
        await PublishAndMeasureAsync(clicks: v => v == "customer" ? 150 : 50, ct);

        var pick = await _rig.Service.PickAsync("evergreen", ct);

        // The pick itself is a seeded draw from these shares (the seed holds the experiment's random id), so the shares are what is checked.
        Assert.True(pick.Weights[2] > 0.75, string.Join(", ", pick.Weights));
        Assert.Equal(new[] { "tour", "question", "customer" }[pick.Variant], pick.Name);
        Assert.All(pick.Weights, w => Assert.True(w >= 0.1 - 1e-12, string.Join(", ", pick.Weights)));
        Assert.Equal(1, pick.Weights.Sum(), 9);
    }

    [Fact]
    public async Task For_a_lower_is_better_metric_picks_favour_the_lowest_rate()
    {
        var ct = TestContext.Current.CancellationToken;
        await _rig.Service.CreateAsync(Bandit(MetricDirection.LowerIsBetter), ct);
        await PublishAndMeasureAsync(clicks: v => v == "tour" ? 10 : 100, ct);

        var pick = await _rig.Service.PickAsync("evergreen", ct);

        Assert.True(pick.Weights[0] > 0.75, string.Join(", ", pick.Weights));
        Assert.True(pick.Weights[1] < 0.15 && pick.Weights[2] < 0.15, string.Join(", ", pick.Weights));
    }

    [Fact]
    public async Task Over_many_picks_the_draws_follow_the_shares()
    {
        var ct = TestContext.Current.CancellationToken;
        await _rig.Service.CreateAsync(Bandit(minimumShare: 0.1), ct);
        await PublishAndMeasureAsync(clicks: v => v == "customer" ? 150 : 50, ct);

        // Each added post changes the seed, so successive picks are fresh draws from (nearly) the same shares.
        var picks = new List<string>();
        var expected = 0.0;
        var variance = 0.0;
        for (var i = 0; i < 40; i++)
        {
            var pick = await _rig.Service.PickAsync("evergreen", ct);
            picks.Add(pick.Name);
            expected += pick.Weights[2];
            variance += pick.Weights[2] * (1 - pick.Weights[2]);
            await _rig.Service.AddPostAsync("evergreen", pick.Name, "brand", $"{pick.Name} {i}", Start.AddDays(1 + i), ct);
        }

        // The shares favour the customer variant (about 80 %); its picks stay within 4.5 standard deviations of the sum
        // of its shares (independent draws miss that about once in 100,000 runs; PickSeedTests checks independence).
        Assert.True(expected > 40 * 0.7, $"expected {expected}");
        Assert.InRange(picks.Count(p => p == "customer"), expected - 4.5 * Math.Sqrt(variance), expected + 4.5 * Math.Sqrt(variance));
    }

    [Fact]
    public async Task The_same_stored_state_gives_the_same_pick()
    {
        var ct = TestContext.Current.CancellationToken;
        await _rig.Service.CreateAsync(Bandit(minimumShare: 1.0 / 3), ct);

        var picks = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            picks.Add((await _rig.Service.PickAsync("evergreen", ct)).Name);
        }

        // With equal shares every pick is the seeded draw of the same state: reproducible, not a fresh coin.
        Assert.Single(picks.Distinct());
    }

    [Fact]
    public async Task Outside_a_bandit_variants_take_turns_by_their_post_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = Bandit() with { Decision = new DecisionRule(), Allocation = new AllocationPlan { PostsPerVariant = 1, Start = Start.AddHours(1) } };
        await _rig.Service.CreateAsync(definition, ct);
        await _rig.Service.AddPostAsync("evergreen", "tour", "brand", "Tour text again", Start.AddDays(2), ct);

        var pick = await _rig.Service.PickAsync("evergreen", ct);

        Assert.Equal("question", pick.Name);
        Assert.Equal([0.0, 1.0, 0.0], pick.Weights);
    }

    /// <summary>Adds two posts per variant, publishes them, and has the platform report 5,000 impressions and the given clicks each.</summary>
    private async Task PublishAndMeasureAsync(Func<string, long> clicks, CancellationToken ct)
    {
        foreach (var variant in new[] { "tour", "question", "customer" })
        {
            for (var round = 0; round < 2; round++)
            {
                await _rig.Service.AddPostAsync("evergreen", variant, "brand", $"{variant} {round}", Start.AddHours(1 + round), ct);
            }
        }

        foreach (var (id, request) in _publisher.Scheduled.ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>
        {
            [MetricNames.Impressions] = 5000,
            [MetricNames.LinkClicks] = clicks(id.Split('-')[0]),
        });
        _clock.Advance(TimeSpan.FromHours(4));
        await _rig.Collector.CollectAsync(ct);
    }
}
