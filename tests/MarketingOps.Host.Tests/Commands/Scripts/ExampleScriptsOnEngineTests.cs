using MarketingOps.Core.Experiments;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// Every example in <c>scripts/</c> against the sandbox through the real engine: the post store, the publishing
/// executor, the experiments engine and its metrics job, with time moved on as in <c>mops demo</c>.
/// </summary>
public sealed class ExampleScriptsOnEngineTests : IDisposable
{
    private const string AbRates = """[ { "variant": "feature", "clickRate": 0.01 }, { "variant": "benefit", "clickRate": 0.02 } ]""";

    private EngineScriptRig? _rig;

    public void Dispose() => _rig?.Dispose();

    [Fact]
    public void Every_example_is_covered_here()
    {
        var examples = Directory.GetFiles(Path.Combine(MopsProcess.RepositoryRoot, "scripts"), "*.csx").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["ab-two-variants.csx", "bandit-evergreen.csx", "three-way.csx", "weekly-report.csx"], examples);
    }

    [Fact]
    public async Task Ab_test_starts_on_the_engine_and_names_the_truly_better_wording_once_the_rule_fires()
    {
        var rig = _rig = new EngineScriptRig(AbRates);
        var ct = TestContext.Current.CancellationToken;

        var first = await rig.RunExampleAsync("ab-two-variants.csx", "brand");
        var experiment = await rig.Experiments.GetAsync("spring-launch-wording", ct);
        var planned = await rig.Experiments.GetPostsAsync(experiment.Id, ct);
        var finished = await rig.Simulation.RunAsync(experiment.Id, _ => { }, _ => { }, ct);
        var second = await rig.RunExampleAsync("ab-two-variants.csx", "brand");

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal("started", first.ReturnValue);
        Assert.Equal(6, planned.Count);
        Assert.All(planned, p => Assert.Equal(ExperimentPostStatus.Scheduled, p.Status));
        Assert.Equal(6, planned.Select(p => p.Plan.Text).Distinct().Count());
        Assert.All(planned, p => Assert.Equal(TimeSpan.FromHours(8.5), p.Plan.At.TimeOfDay)); // 09:30 in Berlin (CET)
        Assert.Equal(ExperimentState.Decided, finished.State);
        Assert.Equal("benefit", finished.Decision!.Winner);
        Assert.NotNull(finished.Decision.WinnerPostId);
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal("winner: benefit", second.ReturnValue);
        Assert.Contains("spring-launch-wording: Decided", rig.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_report_lists_the_published_posts_with_their_stored_metrics_and_the_experiment()
    {
        var rig = _rig = new EngineScriptRig(AbRates);
        var ct = TestContext.Current.CancellationToken;
        await rig.RunExampleAsync("ab-two-variants.csx", "brand");
        await rig.Simulation.RunAsync((await rig.Experiments.GetAsync("spring-launch-wording", ct)).Id, _ => { }, _ => { }, ct);
        await rig.AdvanceAsync(TimeSpan.FromHours(1)); // the winner went out on the hour; the report's week ends before now

        var result = await rig.RunExampleAsync("weekly-report.csx", "14");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var output = rig.Output.ToString();
        Assert.Contains("7 posts published", output, StringComparison.Ordinal); // six of the test, the winner once more
        Assert.Contains("experiment spring-launch-wording (Decided): Winner: 'benefit'", output, StringComparison.Ordinal);
        Assert.Matches(@"brand: 7 posts, [1-9]\d{4} impressions, [1-9]\d* link clicks", output);
    }

    [Fact]
    public async Task Three_way_test_gives_each_wording_the_same_number_of_slots_and_reports_while_running()
    {
        var rig = _rig = new EngineScriptRig();
        var ct = TestContext.Current.CancellationToken;

        var result = await rig.RunExampleAsync("three-way.csx", "brand-ny", "3");
        var experiment = await rig.Experiments.GetAsync("webinar-cta", ct);
        var posts = await rig.Experiments.GetPostsAsync(experiment.Id, ct);
        await rig.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(6));
        var again = await rig.RunExampleAsync("three-way.csx", "brand-ny");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("9", result.ReturnValue);
        Assert.All(posts.GroupBy(p => p.Variant), g => Assert.Equal(3, g.Count()));
        Assert.All(posts, p => Assert.Equal("brand-ny", p.Account));
        Assert.All(posts, p => Assert.Equal(ExperimentPostStatus.Scheduled, p.Status)); // default guardrails: no repeat, no quiet-hour slot
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.All(posts, p => Assert.InRange(TimeZoneInfo.ConvertTime(p.Plan.At, newYork).TimeOfDay, TimeSpan.FromHours(7), TimeSpan.FromHours(22)));
        Assert.Equal(9, posts.Select(p => p.Plan.Text).Distinct().Count());
        Assert.Equal("replies per impression", experiment.Definition.Metric.Name);
        Assert.Equal("link-click rate", Assert.Single(experiment.Definition.Guardrails).Name);
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.Contains("webinar-cta: Running; best so far:", rig.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bandit_rotation_favours_the_better_wording_from_stored_counters_but_keeps_every_wording_in_play()
    {
        var rig = _rig = new EngineScriptRig("""[ { "variant": "customer", "clickRate": 0.05 } ]""");
        var ct = TestContext.Current.CancellationToken;
        var picks = new List<string>();

        // One pick a week (the rotation waits out a week between posts), so 150 daily-ish runs make about 45 picks:
        // enough for Thompson sampling, whose seed follows the experiment's id, to favour the better arm in every
        // draw of ids; 40 runs made 12 picks, and about one draw in ten left the best arm behind (seen in CI).
        for (var run = 0; run < 150; run++)
        {
            var result = await rig.RunExampleAsync("bandit-evergreen.csx", "brand");
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            picks.Add(result.ReturnValue!);
            await rig.AdvanceAsync(TimeSpan.FromDays(2), TimeSpan.FromHours(12));
        }

        var experiment = await rig.Experiments.GetAsync("evergreen-rotation", ct);
        var posts = await rig.Experiments.GetPostsAsync(experiment.Id, ct);
        var counts = picks.Where(p => p != "nothing to do").GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(experiment.Definition.Decision.Bandit);
        Assert.Equal(ExperimentState.Running, experiment.State);
        Assert.Equal(counts.Values.Sum(), posts.Count);
        Assert.DoesNotContain(posts, p => p.Status == ExperimentPostStatus.Refused); // spaced and reworded: the default guardrails let every post through
        Assert.Equal(["customer", "question", "tour"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.True(counts["customer"] > counts["tour"] && counts["customer"] > counts["question"], string.Join(", ", counts));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", counts));
    }

    [Fact]
    public async Task Bandit_never_leaves_two_evergreen_posts_waiting()
    {
        var rig = _rig = new EngineScriptRig();
        var ct = TestContext.Current.CancellationToken;

        var first = await rig.RunExampleAsync("bandit-evergreen.csx", "brand");
        var second = await rig.RunExampleAsync("bandit-evergreen.csx", "brand");

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal("nothing to do", second.ReturnValue);
        var experiment = await rig.Experiments.GetAsync("evergreen-rotation", ct);
        Assert.Single(await rig.Experiments.GetPostsAsync(experiment.Id, ct));
    }
}
