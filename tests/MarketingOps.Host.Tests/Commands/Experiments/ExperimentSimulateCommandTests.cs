using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Commands.Experiments;

/// <summary>
/// <c>mops experiment simulate</c> through the real executable: the plan is rehearsed on the sandbox with accelerated
/// time, seeded, so these run in CI. Each rehearsed experiment goes through the experiment service, the publishing
/// engine and the metrics job; a short plan (posts an hour apart, an 8-hour horizon) keeps each run to a few looks.
/// </summary>
public sealed partial class ExperimentSimulateCommandTests : IDisposable
{
    private const string Plan = """
        name: spring-cta
        accounts: [brand]
        variants:
          - name: control
            rounds:
              - "Spring sale: free shipping https://shop.example/s"
              - "This week only, delivery is on us https://shop.example/s"
              - "Our spring picks ship free https://shop.example/s"
              - "Free shipping on every spring order https://shop.example/s"
          - name: question
            rounds:
              - "Ready for spring? Free shipping https://shop.example/s"
              - "Need new gear for April? We cover the parcel https://shop.example/s"
              - "Looking for spring ideas? Shipping is on us https://shop.example/s"
              - "Want it delivered free this spring? https://shop.example/s"
        metric: link-click-rate
        allocation:
          postsPerVariant: 4
          every: 1h
        horizon: 8h
        """;

    private readonly TempFolder _home = new();

    public ExperimentSimulateCommandTests()
    {
        _home.WriteSandboxPluginsJson(accountsJson: """[ { "name": "brand", "timeZone": "Europe/Berlin" } ]""");
        _home.Write("plan.yaml", Plan);
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_plan_with_ample_traffic_finds_the_better_variant_in_more_than_80_percent_of_runs()
    {
        var run = await MopsProcess.RunAsync(_home.Root, "experiment", "simulate", "plan.yaml", "--rate", "control=0.010", "--rate", "question=0.020", "--runs", "12", "--json");

        Assert.True(run.ExitCode == 0, run.Err + run.Out);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(12, summary.GetProperty("runs").GetInt32());
        Assert.Equal("question", summary.GetProperty("best").GetString());
        Assert.True(summary.GetProperty("power").GetDouble() > 0.8, run.Out);
        Assert.False(summary.GetProperty("underpowered").GetBoolean());
        Assert.InRange(summary.GetProperty("medianHoursToDecision").GetDouble(), 1, 24);
        Assert.False(summary.GetProperty("falsePositivesAboveNominal").GetBoolean(), run.Out);

        // A decision withdraws the planned posts still to come; the rehearsal's own folder shows why in their history.
        Assert.True(summary.GetProperty("postsCancelled").GetInt32() > 0, run.Out);
        var data = summary.GetProperty("data").GetString()!;
        Assert.Equal(Path.Combine(_home.Root, "data", "simulate"), data);
        var rehearsed = await MopsProcess.RunAsync(_home.Root, "post", "list", "--home", data, "--json");
        var states = JsonDocument.Parse(rehearsed.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(summary.GetProperty("postsPublished").GetInt32() + summary.GetProperty("postsCancelled").GetInt32(), states.Count);
        var cancelled = states.First(p => p.GetProperty("state").GetString() == "Cancelled").GetProperty("id").GetString()!;
        var shown = await MopsProcess.RunAsync(_home.Root, "post", "show", cancelled, "--home", data, "--json");
        var last = JsonDocument.Parse(shown.Out).RootElement.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Cancelled", last.GetProperty("to").GetString());
        Assert.Matches(@"^cancelled by the decision of experiment 'spring-cta (run|a/a) \d+' at look \d+: '(aa-)?(control|question)' won$", last.GetProperty("reason").GetString());

        // A rehearsal: the client's own store holds no experiment and no post.
        var experiments = await MopsProcess.RunAsync(_home.Root, "experiment", "list", "--json");
        var posts = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
        Assert.Equal(0, JsonDocument.Parse(experiments.Out).RootElement.GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(posts.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task An_underpowered_plan_is_reported_as_such_and_its_aa_runs_declare_winners_within_alpha()
    {
        const int Runs = 30;
        var run = await MopsProcess.RunAsync(_home.Root, "experiment", "simulate", "plan.yaml", "--rate", "control=0.010", "--rate", "question=0.011", "--runs", Runs.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.Err + run.Out);
        Assert.Contains("underpowered: the plan finds the better variant in only ", run.Out, StringComparison.Ordinal);
        var power = PowerLine().Match(run.Out);
        Assert.True(power.Success, run.Out);
        Assert.True(int.Parse(power.Groups["percent"].Value, CultureInfo.InvariantCulture) < 80, run.Out);

        // With every rate equal, a winner is a false positive: at most α = 5 % of runs, give or take two standard errors of 30 runs.
        var aa = AaLine().Match(run.Out);
        Assert.True(aa.Success, run.Out);
        var rate = double.Parse(aa.Groups["percent"].Value, CultureInfo.InvariantCulture) / 100;
        Assert.InRange(rate, 0, 0.05 + (2 * Math.Sqrt(0.05 * 0.95 / Runs)));
        Assert.DoesNotContain("warning: the A/A runs declared winners more often", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_unknown_rates_are_listed_together_and_nothing_runs()
    {
        var run = await MopsProcess.RunAsync(_home.Root, "experiment", "simulate", "plan.yaml", "--rate", "control=1.5", "--rate", "answer=0.02", "--runs", "0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("4 problems:", run.Err, StringComparison.Ordinal);
        Assert.Contains("--rate 'control=1.5': write VARIANT=RATE with a rate per impression from 0 to 1", run.Err, StringComparison.Ordinal);
        Assert.Contains("--rate 'answer=0.02': plan.yaml has no variant 'answer'; its variants are control, question", run.Err, StringComparison.Ordinal);
        Assert.Contains("missing control=RATE, question=RATE", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data", "simulate")));
    }

    [GeneratedRegex(@"power: (?<percent>\d+)% of runs picked question")]
    private static partial Regex PowerLine();

    [GeneratedRegex(@"A/A false positives: (?<percent>\d+\.\d)% of runs declared a winner")]
    private static partial Regex AaLine();
}
