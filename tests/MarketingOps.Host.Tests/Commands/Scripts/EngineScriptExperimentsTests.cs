using MarketingOps.Core.Experiments;
using MarketingOps.Core.Statistics;
using MarketingOps.Scripting;
using MarketingOps.Scripting.Hosting;
using ScriptRule = MarketingOps.Scripting.DecisionRule;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>The scripting API's experiments, posts and metrics on the real experiments engine (the host's adapters).</summary>
public sealed class EngineScriptExperimentsTests : IDisposable
{
    private static readonly DateTimeOffset FirstSlot = EngineScriptRig.Start.AddHours(2);
    private readonly EngineScriptRig _rig = new("""[ { "variant": "B", "clickRate": 0.03 } ]""");
    private readonly ScriptServices _services;

    public EngineScriptExperimentsTests() => _services = _rig.ScriptServices();

    public void Dispose() => _rig.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One wording per post and one for the winner: the default guardrails refuse a text twice within 30 days.
    private static readonly string[] RoundsA =
    [
        "Spring news: the calendar now plans a whole month https://example.com/a",
        "Plan thirty days of posts in one sitting https://example.com/a",
        "Monthly planning arrived with the spring release https://example.com/a",
    ];

    private static readonly string[] RoundsB =
    [
        "Spring news: stop juggling spreadsheets for your posts https://example.com/b",
        "No more copy-paste between tabs when you schedule https://example.com/b",
        "One place for drafts, dates and results, new this spring https://example.com/b",
    ];

    private static ExperimentPlan Plan(string name = "mapped", ScriptRule? decision = null) => new(
        name,
        [
            new ExperimentVariant("A", RoundsA[0]) { Rounds = RoundsA },
            new ExperimentVariant("B", RoundsB[0]) { Rounds = RoundsB, TimeShift = TimeSpan.FromMinutes(30) },
        ],
        ["brand"],
        ExperimentMetric.Ratio(Counter.Replies, Counter.Impressions) with { LowerIsBetter = true },
        decision ?? ScriptRule.Bayesian(0.9) with { MinImpressionsPerVariant = 80, MinEventsPerVariant = 7 })
    {
        Description = "maps every field",
        Guardrails = [ExperimentMetric.LinkClickRate],
        Start = FirstSlot,
        PostsPerVariant = 2,
        Spacing = TimeSpan.FromHours(3), // 11:00 to 20:30 in Berlin, clear of the quiet hours
        Horizon = TimeSpan.FromDays(2),
        ScheduleWinner = true,
    };

    [Fact]
    public async Task Start_maps_every_field_of_the_plan_onto_the_engines_definition()
    {
        var started = _services.Experiments.Start(Plan(), Ct);

        var definition = (await _rig.Experiments.GetAsync(started.Id, Ct)).Definition;
        Assert.Equal(("mapped", "maps every field"), (definition.Name, definition.Description));
        Assert.Equal(["A", "B"], definition.Variants.Select(v => v.Name));
        Assert.Equal(TimeSpan.FromMinutes(30), definition.Variants[1].TimeShift);
        Assert.Equal([RoundsA, RoundsB], definition.Variants.Select(v => v.Rounds));
        Assert.Equal(["brand"], definition.Accounts);
        Assert.Equal((Counter.Replies, Counter.Impressions, MetricDirection.LowerIsBetter), (definition.Metric.Numerator, definition.Metric.Denominator, definition.Metric.Direction));
        Assert.Equal("link-click rate", Assert.Single(definition.Guardrails).Name);
        Assert.Equal((2, TimeSpan.FromHours(3), (DateTimeOffset?)FirstSlot), (definition.Allocation.PostsPerVariant, definition.Allocation.Every, definition.Allocation.Start));
        Assert.Equal(TimeSpan.FromDays(2), definition.Horizon);
        Assert.Equal((AnalysisMethod.Bayesian, 0.9, 80L, 7L, false), (definition.Decision.Method, definition.Decision.ChanceToBeatControl, definition.Decision.MinImpressionsPerVariant, definition.Decision.MinEventsPerVariant, definition.Decision.Bandit));
        Assert.True(definition.OnWin.ScheduleWinner);
        Assert.Equal(4, (await _rig.Experiments.GetPostsAsync(started.Id, Ct)).Count(p => p.Status == ExperimentPostStatus.Scheduled));
    }

    [Fact]
    public void Find_gives_back_the_plan_the_script_started()
    {
        var plan = Plan();
        _services.Experiments.Start(plan, Ct);

        var found = _services.Experiments.Find("MAPPED", Ct)!;

        Assert.Equal(ExperimentStatus.Running, found.Status);
        Assert.Equal(plan.Metric, found.Plan.Metric);
        Assert.Equal(plan.Decision, found.Plan.Decision);
        Assert.Equal(plan.Variants, found.Plan.Variants);
        Assert.Equal((plan.Start, plan.PostsPerVariant, plan.Spacing, plan.Horizon, plan.ScheduleWinner), (found.Plan.Start, found.Plan.PostsPerVariant, found.Plan.Spacing, found.Plan.Horizon, found.Plan.ScheduleWinner));
        Assert.Equal(plan.Guardrails, found.Plan.Guardrails);
        Assert.Null(_services.Experiments.Find("nothing-like-it", Ct));
    }

    [Fact]
    public void Start_refuses_a_taken_name_and_an_unknown_counter_with_the_engines_reasons()
    {
        _services.Experiments.Start(Plan(), Ct);

        var taken = Assert.Throws<ArgumentException>(() => _services.Experiments.Start(Plan(), Ct));
        var unknown = Assert.Throws<ArgumentException>(() => _services.Experiments.Start(Plan("other") with { Metric = ExperimentMetric.Ratio("hugs", Counter.Impressions) }, Ct));

        Assert.Contains("is running", taken.Message, StringComparison.Ordinal);
        Assert.Contains("metric", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("hugs", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_follow_the_engines_report_from_no_data_to_the_decision()
    {
        _services.Experiments.Start(Plan(decision: ScriptRule.Sequential()) with { Metric = ExperimentMetric.LinkClickRate }, Ct);
        var before = _services.Experiments.Results("mapped", Ct);

        await _rig.AdvanceAsync(TimeSpan.FromDays(4));
        var after = _services.Experiments.Results("mapped", Ct);

        Assert.Equal((ExperimentStatus.Running, (string?)null), (before.Status, before.Winner));
        Assert.All(before.Variants, v => Assert.Equal((0, (double?)null, (double?)null), (v.Posts, v.ChanceToBeBest, v.ChanceToBeatControl)));
        Assert.Equal((ExperimentStatus.Decided, "B"), (after.Status, after.Winner));
        Assert.Equal([2, 2], after.Variants.Select(v => v.Posts));
        Assert.Null(after.Variants[0].Lift);
        Assert.True(after.Variants[1].Lift > 0 && after.Variants[1].LiftLow > 0 && after.Variants[1].LiftHigh > after.Variants[1].Lift, $"{after.Variants[1]}");
        Assert.True(after.Variants[1].ChanceToBeBest > 0.99, $"{after.Variants[1]}");
        Assert.True(after.Variants[1].ChanceToBeatControl > 0.99, $"{after.Variants[1]}");
        Assert.Null(after.Variants[0].ChanceToBeatControl);
        Assert.Equal(1, after.Variants.Sum(v => v.ChanceToBeBest!.Value), 6);
        Assert.Contains("'B'", after.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_stops_a_running_experiment_once()
    {
        _services.Experiments.Start(Plan(), Ct);

        Assert.True(_services.Experiments.Stop("mapped", Ct));
        Assert.False(_services.Experiments.Stop("mapped", Ct));
        Assert.False(_services.Experiments.Stop("unknown", Ct));
        Assert.Equal(ExperimentStatus.Stopped, _services.Experiments.Find("mapped", Ct)!.Status);
        Assert.All(_services.Posts.List(new ScriptPostQuery { Experiment = "mapped" }, Ct), p => Assert.Equal(ScriptPostState.Cancelled, p.State));
    }

    [Fact]
    public async Task A_bandits_posts_join_the_experiment_under_its_name_and_their_stored_metrics_are_read_back()
    {
        var started = _services.Experiments.Start(Plan("rotation", ScriptRule.Bandit(0.2)), Ct);
        var pick = _services.Experiments.Pick("rotation", Ct);

        var post = _services.Posts.Schedule(new ScriptPostRequest("brand", pick.Text, FirstSlot) { Experiment = "rotation", Variant = pick.Name }, Ct);
        await _rig.AdvanceAsync(TimeSpan.FromHours(6));

        var stored = Assert.Single(await _rig.Experiments.GetPostsAsync(started.Id, Ct));
        Assert.Equal((post.Id, ExperimentPostStatus.Published), (stored.PostId, stored.Status));
        var listed = Assert.Single(_services.Posts.List(new ScriptPostQuery { Experiment = "rotation" }, Ct));
        Assert.Equal(("rotation", pick.Name, ScriptPostState.Published), (listed.Experiment, listed.Variant, listed.State));
        var latest = _services.Metrics.Latest([post.Id, "not-a-post"], Ct);
        Assert.True(Assert.Single(latest).Value.Impressions > 0);
        Assert.Equal(5, _services.Metrics.History(post.Id, Ct).Count); // the hourly collections from 10:00, when it went out, to 14:00
        Assert.Equal(ExperimentStatus.Running, _services.Experiments.Results("rotation", Ct).Status);
        Assert.Throws<ArgumentException>(() => _services.Posts.Schedule(new ScriptPostRequest("brand", "x", FirstSlot) { Experiment = "rotation", Variant = "Z" }, Ct));
        Assert.Throws<ArgumentException>(() => _services.Posts.Schedule(new ScriptPostRequest("brand", "x", FirstSlot) { Experiment = "no-such-experiment", Variant = "A" }, Ct));
    }
}
