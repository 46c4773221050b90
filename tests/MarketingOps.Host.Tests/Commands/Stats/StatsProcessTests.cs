using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Stats;

/// <summary>The real <c>mops</c> executable has the stats commands registered.</summary>
public sealed class StatsProcessTests
{
    [Fact]
    public async Task Mops_stats_proportions_json_runs_in_the_real_executable()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(
            MopsProcess.RepositoryRoot, "stats", "proportions", "--control", "120/4000", "--variant", "150/4000", "--absolute", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var p = json.RootElement.GetProperty("variants")[0].GetProperty("pValue").GetDouble();
        Assert.True(Math.Abs(p - 0.063241) <= 1e-6, $"p = {p}");
    }

    [Fact]
    public async Task Chance_to_beat_control_and_chance_to_be_best_are_named_apart_and_both_shown_for_three_arms()
    {
        // statistics.md R10: the chance each arm is best, from Beta(1 + clicks, 1 + non-clicks).
        var (exit, output, error) = await MopsProcess.RunAsync(
            MopsProcess.RepositoryRoot, "stats", "proportions", "--control", "120/4000", "--variant", "150/4000", "--variant", "135/4000", "--method", "bayesian", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(0.018737, root.GetProperty("control").GetProperty("chanceToBeBest").GetDouble(), 5);
        var b = root.GetProperty("variants")[0];
        var c = root.GetProperty("variants")[1];
        Assert.Equal(0.803573, b.GetProperty("chanceToBeBest").GetDouble(), 5);
        Assert.Equal(0.177690, c.GetProperty("chanceToBeBest").GetDouble(), 5);

        // Both variants beat the control more likely than not, though only one can be best.
        Assert.True(b.GetProperty("chanceToBeatControl").GetDouble() > 0.9, output);
        Assert.True(c.GetProperty("chanceToBeatControl").GetDouble() > 0.7, output);
        Assert.DoesNotContain("chanceToWin", output, StringComparison.Ordinal);

        var table = await MopsProcess.RunAsync(
            MopsProcess.RepositoryRoot, "stats", "proportions", "--control", "120/4000", "--variant", "150/4000", "--variant", "135/4000", "--method", "bayesian");
        Assert.True(table.ExitCode == 0, table.Err);
        Assert.Contains("Chance to beat control", table.Out, StringComparison.Ordinal);
        Assert.Contains("Chance to be best", table.Out, StringComparison.Ordinal);
        Assert.Contains("0.8036", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bayesian_analysis_reports_a_large_lift_as_the_data_show_it_and_an_informative_prior_only_when_asked()
    {
        // 1 % against 3 %: a true +200 %. The former default prior N(0, 0.3²) reported about +120 %, its interval excluding +200 %.
        string[] args = ["stats", "proportions", "--control", "180/18000", "--variant", "540/18000", "--method", "bayesian"];

        var flat = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, [.. args, "--json"]);
        var prior = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, [.. args, "--prior", "0,0.09"]);

        Assert.True(flat.ExitCode == 0, flat.Err);
        using var json = JsonDocument.Parse(flat.Out);
        var v = json.RootElement.GetProperty("variants")[0];
        Assert.Equal(2.0, v.GetProperty("lift").GetDouble(), 9);
        Assert.True(v.GetProperty("ciLow").GetDouble() < 2.0 && v.GetProperty("ciHigh").GetDouble() > 2.0, flat.Out);
        Assert.True(prior.ExitCode == 0, prior.Err);
        Assert.Contains("informative prior N(0, 0.3²) on the relative lift, making up", prior.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_exits_with_the_usage_code()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, "stats", "srm", "--counts", "10,abc");
        Assert.Equal(2, exit);
        Assert.Contains("--counts '10,abc'", error, StringComparison.Ordinal);
    }
}
