using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

public sealed partial class DemoCommandTests : IDisposable
{
    // The demo compiles its script in a fresh worker process (a cold Roslyn JIT) and simulates two weeks: about 45 s
    // on a two-core machine under a load of 25, and longer still beside the other tests.
    private static readonly TimeSpan DemoPatience = TimeSpan.FromMinutes(4);

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task The_demo_runs_the_ab_script_picks_the_truly_better_wording_and_writes_only_into_its_own_data_folder()
    {
        _home.WriteSandboxPluginsJson();

        var (exit, output, error) = await MopsProcess.RunAsync(DemoPatience, _home.Root, "demo");

        Assert.True(exit == 0, error + output);
        Assert.Contains("true click rates: feature 1.0 %, benefit 2.0 %", output, StringComparison.Ordinal);
        Assert.Contains("→ started", output, StringComparison.Ordinal);
        Assert.Equal(7, PublishedLine().Count(output)); // three posts per wording, then the winner once more
        Assert.Contains(": benefit wins;", output, StringComparison.Ordinal);
        Assert.Contains("→ winner: benefit", output, StringComparison.Ordinal);
        Assert.Contains("spring-launch-wording (Decided, bayesian", output, StringComparison.Ordinal);

        // Unbiased: the reported lift is the data's own (no prior pulling it towards 0), and its interval holds the true +100 %.
        var decided = DecisionLine().Match(output);
        Assert.True(decided.Success, output);
        double Percent(string group) => double.Parse(decided.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) / 100;
        var arms = ArmLine().Matches(output).Select(m => (Impressions: double.Parse(m.Groups["impressions"].Value, System.Globalization.CultureInfo.InvariantCulture), Clicks: double.Parse(m.Groups["clicks"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(2, arms.Count);
        var observed = (arms[1].Clicks / arms[1].Impressions / (arms[0].Clicks / arms[0].Impressions)) - 1;
        Assert.InRange(Percent("lift"), observed - 0.0006, observed + 0.0006); // printed to 0.1 %
        Assert.InRange(1.0, Percent("low"), Percent("high"));
        Assert.Contains("No prior: the lift, its interval and the chance to beat the control come from the data alone", output, StringComparison.Ordinal);

        var html = Path.Combine(_home.Root, "data", "demo", "report.html");
        Assert.Contains($"HTML report written to {html}", output, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The elapsed time is printed; its bound (under 60 s) is measured, not asserted in a test.
        Assert.Matches(@"Done: 1\d(\.\d)? simulated days \(\d+ metrics collections\) in \d+\.\d s\.", output);

        var topLevel = Directory.EnumerateFileSystemEntries(_home.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["data", "plugins.json"], topLevel);
        Assert.Equal(["demo"], Directory.EnumerateFileSystemEntries(Path.Combine(_home.Root, "data")).Select(Path.GetFileName).ToList());
        Assert.False(File.Exists(Path.Combine(_home.Root, "data", "demo", "mops.json"))); // the default guardrails, no shortened windows

        // Every published post is measured, the winner's post too: it went out after the decision, when only the
        // collection of every post (not the experiment's) reads its counters.
        Assert.Contains("measured 7 of 7 published posts", output, StringComparison.Ordinal);
        var demo = Path.Combine(_home.Root, "data", "demo");
        var csv = Path.Combine(_home.Root, "posts.csv");
        var postsHtml = Path.Combine(_home.Root, "posts.html");
        var report = await MopsProcess.RunAsync(_home.Root, "report", "posts", "--home", demo, "--since", "2026-03-01", "--json", "--html", postsHtml);
        Assert.True(report.ExitCode == 0, report.Err);
        var json = JsonDocument.Parse(report.Out).RootElement;
        var posts = json.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(7, posts.Count);
        Assert.All(posts, p => Assert.True(p.GetProperty("impressions").GetInt64() > 0, p.ToString()));
        var winner = posts[^1];
        Assert.Equal("benefit", winner.GetProperty("variant").GetString());
        Assert.True(winner.GetProperty("measuredAt").GetDateTimeOffset() > winner.GetProperty("publishedAt").GetDateTimeOffset(), winner.ToString());
        Assert.Equal(posts.Sum(p => p.GetProperty("impressions").GetInt64()), json.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("impressions").GetInt64()));
        Assert.Equal(3, json.GetProperty("best").GetArrayLength());
        Assert.Contains("data:image/png;base64,", await File.ReadAllTextAsync(postsHtml, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var account = await MopsProcess.RunAsync(_home.Root, "report", "posts", "--home", demo, "--since", "2026-03-01", "--account", "demo-brand", "--csv", csv);
        Assert.True(account.ExitCode == 0, account.Err);
        Assert.Equal(8, (await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken)).Length); // the header and one row per post
        var unknown = await MopsProcess.RunAsync(_home.Root, "report", "posts", "--home", demo, "--account", "nobody");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--account: no account named 'nobody'. Configured accounts: demo-brand.", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_demo_starts_afresh()
    {
        _home.WriteSandboxPluginsJson();
        var stale = _home.Write("data/demo/stale.txt", "from an earlier run");

        var (exit, output, error) = await MopsProcess.RunAsync(DemoPatience, _home.Root, "demo");

        Assert.True(exit == 0, error + output);
        Assert.False(File.Exists(stale));
        Assert.Contains("→ started", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"UTC  published ")]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"lift of benefit (?<lift>[+-]\d+\.\d)% \((?<low>[+-]\d+\.\d)% to (?<high>[+-]\d+\.\d)%\)")]
    private static partial Regex DecisionLine();

    // "  feature  3 posts    17530 impressions    154 clicks …" as the script prints each variant.
    [GeneratedRegex(@"^  (feature|benefit) +\d+ posts +(?<impressions>\d+) impressions +(?<clicks>\d+) clicks", RegexOptions.Multiline)]
    private static partial Regex ArmLine();
}
