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
    public async Task A_bad_argument_exits_with_the_usage_code()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, "stats", "srm", "--counts", "10,abc");
        Assert.Equal(2, exit);
        Assert.Contains("--counts '10,abc'", error, StringComparison.Ordinal);
    }
}
