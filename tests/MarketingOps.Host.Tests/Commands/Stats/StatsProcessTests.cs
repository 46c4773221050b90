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
    public async Task A_bad_argument_exits_with_the_usage_code()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, "stats", "srm", "--counts", "10,abc");
        Assert.Equal(2, exit);
        Assert.Contains("--counts '10,abc'", error, StringComparison.Ordinal);
    }
}
