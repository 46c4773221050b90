using MarketingOps.Core.Accounts;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Statistics;
using MarketingOps.Sdk;
using MarketingOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Experiments;

public sealed class ExperimentServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedPlatform _platform = ScriptedPlatform.Metrics(100);
    private readonly RecordingExperimentPublisher _publisher = new();
    private readonly ExperimentRig _rig;

    public ExperimentServiceTests()
    {
        var registry = new FakeRegistry([new ClientAccount("brand", "scripted", TimeZoneInfo.Utc)], [_platform]);
        _rig = new ExperimentRig(_temp.File("svc.db"), registry, _publisher, _clock);
    }

    private static ExperimentDefinition Definition(AnalysisMethod method = AnalysisMethod.Sequential, bool scheduleWinner = false) =>
        new("svc", [Wordings.Variant("a", "A text"), Wordings.Variant("b", "B text")], ["brand"], MetricDefinition.LinkClickRate)
        {
            Allocation = new AllocationPlan { PostsPerVariant = 3, Every = TimeSpan.FromHours(1), Start = Start.AddHours(1) },
            Horizon = TimeSpan.FromDays(1),
            Decision = new DecisionRule { Method = method },
            OnWin = scheduleWinner ? WinnerFollowUp.Evergreen(TimeSpan.FromHours(2)) : WinnerFollowUp.None,
        };

    /// <summary>Publishes every post and makes variant b click five times as often as a.</summary>
    private void PublishWithClearWinner()
    {
        foreach (var (id, request) in _publisher.Scheduled.ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>
        {
            [MetricNames.Impressions] = 5000,
            [MetricNames.LinkClicks] = id.StartsWith('b') ? 250 : 50,
        });
    }

    [Fact]
    public async Task Unknown_accounts_are_refused_with_their_path_before_anything_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = Definition() with { Accounts = ["nobody"] };

        var ex = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.CreateAsync(definition, ct));

        Assert.Contains("accounts[0]: no account named 'nobody'; configured accounts: brand", ex.Problems);
        Assert.Empty(await _rig.Service.ListAsync(ct));
    }

    [Fact]
    public async Task A_plan_repeating_a_variants_text_within_the_duplicate_window_is_refused_before_anything_is_scheduled()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = Definition() with { Variants = [new VariantDefinition("a", "A text"), Wordings.Variant("b", "B text")] };

        var ex = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.CreateAsync(definition, ct));

        Assert.StartsWith("variant 'a' would post the same text twice within the guardrails' 30-day duplicate window", Assert.Single(ex.Problems), StringComparison.Ordinal);
        Assert.Empty(_publisher.Scheduled);
        Assert.Empty(await _rig.Service.ListAsync(ct));
    }

    [Fact]
    public async Task A_post_publishing_would_refuse_refuses_the_whole_experiment_with_every_problem_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        _publisher.Refuse = r => r.Variant == "b" ? "refused by the guardrails: [near-duplicate] matches post 12" : null;

        var ex = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.CreateAsync(Definition(), ct));

        // Every one of b's posts, each with its wording's path, round, time and account; no CLI option named.
        var times = _publisher.Checked.Where(r => r.Variant == "b").Select(r => r.At).Order().ToList();
        Assert.Equal(
            times.Select((at, round) => $"variants[1].rounds[{round}] (variant 'b', round {round + 1}, {at:yyyy-MM-dd HH:mm} UTC on 'brand'): refused by the guardrails: [near-duplicate] matches post 12"),
            ex.Problems);
        Assert.Equal(3, times.Count);
        Assert.Empty(_publisher.Scheduled);
        Assert.Empty(await _rig.Service.ListAsync(ct));
    }

    [Fact]
    public async Task A_start_in_the_past_is_refused_in_the_files_terms_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = Definition() with { Allocation = Definition().Allocation with { Start = Start.AddHours(-2) } };

        var ex = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.PlanAsync(definition, ct));
        var again = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.CreateAsync(definition, ct));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("allocation.start: 2 of the 6 planned posts would be due in the past, the first at 2026-03-02 06:00 UTC (now is 2026-03-02 08:00 UTC)", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("--at", problem, StringComparison.Ordinal);
        Assert.Equal(ex.Problems, again.Problems);
        Assert.Empty(_publisher.Scheduled);
        Assert.Empty(await _rig.Service.ListAsync(ct));
    }

    [Fact]
    public async Task A_refusal_met_only_while_scheduling_cancels_what_was_scheduled_and_removes_the_experiment()
    {
        var ct = TestContext.Current.CancellationToken;
        _publisher.RefuseOnlyWhenScheduling = true;
        _publisher.Refuse = r => r.Variant == "b" && r.At > Start.AddHours(4) ? "refused by the guardrails: [caps] too many posts" : null;

        var ex = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.CreateAsync(Definition(), ct));

        Assert.InRange(_publisher.Scheduled.Count, 3, 5);
        Assert.StartsWith($"nothing was created: the {_publisher.Scheduled.Count} posts already scheduled were cancelled", ex.Problems[^1], StringComparison.Ordinal);
        Assert.Equal(_publisher.Scheduled.Select(s => s.PostId), _publisher.Cancelled);
        Assert.All(_publisher.CancelReasons, r => Assert.Equal("cancelled: experiment 'svc' was refused while it was being created", r));
        Assert.Empty(await _rig.Service.ListAsync(ct));

        // Its name is free: nothing is left to collide with.
        _publisher.Refuse = _ => null;
        Assert.Equal(ExperimentState.Running, (await _rig.Service.CreateAsync(Definition(), ct)).Experiment.State);
    }

    [Fact]
    public async Task A_stopped_experiments_name_can_be_used_again_and_a_running_ones_says_how_to_free_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _rig.Service.CreateAsync(Definition(), ct);

        var taken = await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.PlanAsync(Definition(), ct));
        await _rig.Service.StopAsync("svc", "wrong wording", ct);
        var second = await _rig.Service.CreateAsync(Definition(), ct);

        Assert.Equal($"name: an experiment named 'svc' is running (id {first.Experiment.Id}); choose another name, or stop it first (`mops experiment stop {first.Experiment.Id}`): a stopped experiment's name can be used again.", Assert.Single(taken.Problems));
        Assert.Equal(second.Experiment.Id, (await _rig.Service.GetAsync("svc", ct)).Id);
    }

    [Fact]
    public async Task Mid_run_the_sample_ratio_check_compares_impressions_with_the_posts_that_were_due()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition() with { Decision = new DecisionRule { Method = AnalysisMethod.Frequentist } }, ct);

        // Six hourly slots from 09:00, one per variant and round: at 11:30 three are due, two of one variant and one of the other.
        _clock.SetUtcNow(Start.AddHours(3.5));
        var due = Enumerable.Range(0, 2).Select(v => _publisher.Scheduled.Count(s => s.Request.Variant == (v == 0 ? "a" : "b") && s.Request.At <= _clock.GetUtcNow())).ToList();
        foreach (var (id, request) in _publisher.Scheduled.Where(s => s.Request.At <= _clock.GetUtcNow()).ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 5000, [MetricNames.LinkClicks] = 50 });
        await _rig.Collector.CollectAsync(ct);
        var report = await _rig.Service.ReportAsync(created.Experiment.Id, ct);

        Assert.Equal(3, due.Sum());
        Assert.NotEqual(due[0], due[1]);
        Assert.Equal(due, report.Arms.Select(a => a.PostsDue));
        Assert.Equal(due.Select(d => d / 3.0), report.Srm!.PlannedShares);
        Assert.False(report.Srm.IsMismatch);
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("sample ratio mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decision_cancels_every_variants_remaining_posts_and_records_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(), ct);
        PublishFirstRoundsWithClearWinner(rounds: 2);

        await _rig.Collector.CollectAsync(ct);

        var experiment = await _rig.Service.GetAsync(created.Experiment.Id, ct);
        Assert.Equal(ExperimentState.Decided, experiment.State);
        Assert.Equal(2, experiment.Decision!.PostsCancelled);
        Assert.Equal(2, _publisher.Cancelled.Count);
        Assert.All(_publisher.CancelReasons, r => Assert.Equal("cancelled by the decision of experiment 'svc' at look 1: 'b' won", r));
        var posts = await _rig.Service.GetPostsAsync(created.Experiment.Id, ct);
        Assert.Equal(2, posts.Count(p => p.Status == ExperimentPostStatus.Cancelled));
        var report = await _rig.Service.ReportAsync(experiment, ct);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("lost", StringComparison.Ordinal));
        Assert.Equal([1, 1], report.Arms.Select(a => a.PostsCancelled));
    }

    [Fact]
    public async Task With_keep_posting_the_decision_cancels_only_the_losers_remaining_posts()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition() with { OnWin = WinnerFollowUp.None with { KeepPosting = true } }, ct);
        PublishFirstRoundsWithClearWinner(rounds: 2);

        await _rig.Collector.CollectAsync(ct);

        var posts = await _rig.Service.GetPostsAsync(created.Experiment.Id, ct);
        var cancelled = Assert.Single(posts, p => p.Status == ExperimentPostStatus.Cancelled);
        Assert.Equal(0, cancelled.Variant);
        Assert.Single(posts, p => p.Variant == 1 && p.Status == ExperimentPostStatus.Scheduled);
    }

    /// <summary>Publishes the first rounds (a and b alternate hourly from 09:00) with b clicking five times as often, and moves the clock past them.</summary>
    private void PublishFirstRoundsWithClearWinner(int rounds)
    {
        foreach (var (id, request) in _publisher.Scheduled.Take(2 * rounds).ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>
        {
            [MetricNames.Impressions] = 5000,
            [MetricNames.LinkClicks] = id.StartsWith('b') ? 250 : 50,
        });
        _clock.SetUtcNow(Start.AddHours(1 + (2 * rounds) - 0.5));
    }

    [Fact]
    public async Task Stopping_cancels_unpublished_posts_and_ends_the_experiment()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(), ct);
        _publisher.Publish(_publisher.Scheduled[0].PostId, "a-1", Start.AddHours(1));

        var stopped = await _rig.Service.StopAsync("svc", "stopped by a user", ct);

        Assert.Equal(ExperimentState.Stopped, stopped.State);
        Assert.Equal(5, _publisher.Cancelled.Count);
        Assert.DoesNotContain(_publisher.Scheduled[0].PostId, _publisher.Cancelled);
        await Assert.ThrowsAsync<ExperimentRequestException>(() => _rig.Service.StopAsync(created.Experiment.Id, "again", ct));
    }

    [Fact]
    public async Task Sequential_rule_decides_at_the_first_look_with_a_clear_winner_and_schedules_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(scheduleWinner: true), ct);
        PublishWithClearWinner();
        _clock.Advance(TimeSpan.FromHours(6));

        await _rig.Collector.CollectAsync(ct);

        var experiment = await _rig.Service.GetAsync(created.Experiment.Id, ct);
        Assert.Equal(ExperimentState.Decided, experiment.State);
        var decision = experiment.Decision!;
        Assert.Equal("b", decision.Winner);
        Assert.Equal(1, decision.Look);
        Assert.Equal(4.0, decision.Estimate, 6);
        Assert.True(decision.Low > 0 && decision.High > decision.Estimate);
        Assert.True(decision.PValue < 0.05);
        var winnerPost = _publisher.Scheduled[^1];
        Assert.Equal(decision.WinnerPostId, winnerPost.PostId);
        // The winner posts the wording after its three rounds, not one it already posted.
        Assert.Equal(("b", "B text juliett kilo lima", _clock.GetUtcNow().AddHours(2), "experiment-winner"), (winnerPost.Request.Variant, winnerPost.Request.Text, winnerPost.Request.At, winnerPost.Request.Source));
    }

    [Fact]
    public async Task Frequentist_rule_waits_for_the_horizon_however_clear_the_interim_numbers()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(AnalysisMethod.Frequentist), ct);
        PublishWithClearWinner();
        _clock.Advance(TimeSpan.FromHours(6));

        await _rig.Collector.CollectAsync(ct);
        var interim = await _rig.Service.GetAsync(created.Experiment.Id, ct);
        var report = await _rig.Service.ReportAsync(interim, ct);
        _clock.SetUtcNow(interim.EndsAt);
        await _rig.Collector.CollectAsync(ct);
        var final = await _rig.Service.GetAsync(created.Experiment.Id, ct);

        Assert.Equal(ExperimentState.Running, interim.State);
        Assert.StartsWith("No verdict yet: interim numbers only", report.Summary, StringComparison.Ordinal);
        Assert.Equal(ExperimentState.Decided, final.State);
        Assert.Equal("b", final.Decision!.Winner);
        Assert.Equal(2, final.Decision.Look);
    }

    [Fact]
    public async Task Control_wins_when_every_variant_is_significantly_worse()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition() with { Metric = MetricDefinition.LinkClickRate with { Direction = MetricDirection.LowerIsBetter } }, ct);
        PublishWithClearWinner();
        _clock.Advance(TimeSpan.FromHours(6));

        await _rig.Collector.CollectAsync(ct);

        var decision = (await _rig.Service.GetAsync(created.Experiment.Id, ct)).Decision!;
        Assert.Equal("a", decision.Winner);
        Assert.Equal("b", decision.ComparedWith);
    }

    [Fact]
    public async Task Horizon_without_a_difference_completes_without_a_winner()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await _rig.Service.CreateAsync(Definition(), ct);
        foreach (var (id, request) in _publisher.Scheduled.ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long> { [MetricNames.Impressions] = 5000, [MetricNames.LinkClicks] = 50 });
        _clock.SetUtcNow(created.Experiment.EndsAt);

        await _rig.Collector.CollectAsync(ct);

        var experiment = await _rig.Service.GetAsync(created.Experiment.Id, ct);
        Assert.Equal(ExperimentState.Completed, experiment.State);
        Assert.Null(experiment.Decision);
        Assert.Equal("the horizon passed without a clear difference between the variants.", experiment.Note);
    }

    [Fact]
    public async Task With_three_variants_the_report_gives_each_the_chance_to_beat_the_control_and_the_chance_to_be_best()
    {
        var ct = TestContext.Current.CancellationToken;
        var definition = Definition() with { Variants = [Wordings.Variant("a", "A text"), Wordings.Variant("b", "B text"), Wordings.Variant("c", "C text")] };
        var created = await _rig.Service.CreateAsync(definition, ct);
        foreach (var (id, request) in _publisher.Scheduled.ToList())
        {
            _publisher.Publish(id, $"{request.Variant}-{id}", request.At);
        }

        // b and c both click far more often than a; b a little more than c.
        _platform.Answer = id => new PostMetrics(id, MetricsStatus.Available, new Dictionary<string, long>
        {
            [MetricNames.Impressions] = 5000,
            [MetricNames.LinkClicks] = id[0] switch { 'b' => 252, 'c' => 248, _ => 50 },
        });
        _clock.Advance(TimeSpan.FromHours(6));
        await _rig.Collector.CollectAsync(ct);

        var report = await _rig.Service.ReportAsync(created.Experiment.Id, ct);

        Assert.All(report.Comparisons, c => Assert.True(c.ChanceToBeatControl > 0.999, $"{c}"));
        var best = report.Arms.Select(a => a.ChanceToBeBest!.Value).ToList();
        Assert.Equal(1, best.Sum(), 6);
        Assert.True(best[0] < 1e-6, $"control {best[0]}");
        Assert.InRange(best[1], 0.5, 0.8);
        Assert.InRange(best[2], 0.2, 0.5);
    }

    [Fact]
    public void A_decision_stored_before_the_chances_were_named_apart_is_read_with_its_chance_to_beat_the_control()
    {
        const string stored = """{"winner":"b","comparedWith":"b","estimate":0.5,"low":0.1,"high":0.9,"method":"Bayesian","kind":"Relative","decidedAt":"2026-03-02T08:00:00+00:00","look":3,"chanceToWin":0.97}""";
        const string definition = """{"name":"old","variants":[{"name":"a","text":"x"},{"name":"b","text":"y"}],"accounts":["brand"],"metric":{"name":"link click rate","numerator":"link_clicks","denominator":"impressions"},"decision":{"method":"Bayesian","chanceToWin":0.9}}""";

        var decision = System.Text.Json.JsonSerializer.Deserialize<ExperimentDecision>(stored, ExperimentJson.Options)!;
        var rule = System.Text.Json.JsonSerializer.Deserialize<ExperimentDefinition>(definition, ExperimentJson.Options)!.Decision;

        Assert.Equal(0.97, decision.ChanceToBeatControl);
        Assert.Equal(0.9, rule.ChanceToBeatControl);
        Assert.DoesNotContain("chanceToWin", System.Text.Json.JsonSerializer.Serialize(decision, ExperimentJson.Options), StringComparison.Ordinal);
        Assert.DoesNotContain("chanceToWin", System.Text.Json.JsonSerializer.Serialize(rule, ExperimentJson.Options), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
