using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

public sealed partial class DemoCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task The_demo_runs_the_ab_script_picks_the_truly_better_wording_and_writes_only_into_its_own_data_folder()
    {
        _home.WriteSandboxPluginsJson();

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "demo");

        Assert.True(exit == 0, error + output);
        Assert.Contains("true click rates: feature 1.0 %, benefit 2.0 %", output, StringComparison.Ordinal);
        Assert.Contains("→ started", output, StringComparison.Ordinal);
        Assert.Equal(7, PublishedLine().Count(output)); // three posts per wording, then the winner once more
        Assert.Contains(": benefit wins;", output, StringComparison.Ordinal);
        Assert.Contains("→ winner: benefit", output, StringComparison.Ordinal);
        Assert.Contains("spring-launch-wording (Decided, bayesian", output, StringComparison.Ordinal);

        var html = Path.Combine(_home.Root, "data", "demo", "report.html");
        Assert.Contains($"HTML report written to {html}", output, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The elapsed time is printed; its bound (under 60 s) is measured, not asserted in a test.
        Assert.Matches(@"Done: 1\d(\.\d)? simulated days \(\d+ metrics collections\) in \d+\.\d s\.", output);

        var topLevel = Directory.EnumerateFileSystemEntries(_home.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["data", "plugins.json"], topLevel);
        Assert.Equal(["demo"], Directory.EnumerateFileSystemEntries(Path.Combine(_home.Root, "data")).Select(Path.GetFileName).ToList());
    }

    [Fact]
    public async Task A_second_demo_starts_afresh()
    {
        _home.WriteSandboxPluginsJson();
        var stale = _home.Write("data/demo/stale.txt", "from an earlier run");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "demo");

        Assert.True(exit == 0, error + output);
        Assert.False(File.Exists(stale));
        Assert.Contains("→ started", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"UTC  published ")]
    private static partial Regex PublishedLine();
}
