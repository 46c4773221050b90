using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Experiments;

/// <summary>The experiment commands through the real mops executable, on a client folder with the sandbox plugin.</summary>
public sealed class ExperimentCommandsTests : IDisposable
{
    private const string Definition = """
        name: cli-cta
        accounts: [brand]
        variants:
          # Per-round texts: the duplicate guardrail refuses the same text twice in 30 days.
          - name: control
            rounds:
              - "Spring sale: free shipping https://shop.example/s"
              - "This week only, delivery is on us https://shop.example/s"
          - name: question
            rounds:
              - "Ready for spring? Free shipping https://shop.example/s"
              - "Need new gear for April? We cover the parcel https://shop.example/s"
        metric: link-click-rate
        allocation:
          postsPerVariant: 2
          start: 2099-03-02 09:00
          dailySlots: ["09:00", "18:00"]
        horizon: 2d
        """;

    private readonly TempFolder _home = new();

    public ExperimentCommandsTests() =>
        _home.WriteSandboxPluginsJson(accountsJson: """[ { "name": "brand", "timeZone": "Europe/Berlin" } ]""");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Create_schedules_the_posts_and_list_show_report_and_stop_work_on_it()
    {
        var file = _home.Write("cli-cta.yaml", Definition);

        var dry = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.Err);
        Assert.Equal(4, JsonDocument.Parse(dry.Out).RootElement.GetProperty("posts").GetArrayLength());
        var empty = await MopsProcess.RunAsync(_home.Root, "experiment", "list", "--json");
        Assert.Equal(0, JsonDocument.Parse(empty.Out).RootElement.GetArrayLength());

        var created = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--json");
        Assert.True(created.ExitCode == 0, created.Err);
        var posts = JsonDocument.Parse(created.Out).RootElement.GetProperty("posts");
        Assert.All(posts.EnumerateArray(), p => Assert.Equal("Scheduled", p.GetProperty("status").GetString()));

        var list = await MopsProcess.RunAsync(_home.Root, "experiment", "list", "--json");
        var listed = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal("Running", listed.GetProperty("state").GetString());

        var html = Path.Combine(_home.Root, "report.html");
        var report = await MopsProcess.RunAsync(_home.Root, "experiment", "report", "cli-cta", "--json", "--html", html);
        Assert.True(report.ExitCode == 0, report.Err);
        Assert.Contains("not randomised audiences", JsonDocument.Parse(report.Out).RootElement.GetProperty("caveats")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var stop = await MopsProcess.RunAsync(_home.Root, "experiment", "stop", "cli-cta");
        Assert.True(stop.ExitCode == 0, stop.Err);
        var again = await MopsProcess.RunAsync(_home.Root, "experiment", "stop", "cli-cta");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is Stopped already", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_definition_lists_every_problem_with_file_and_line_and_stores_nothing()
    {
        var file = _home.Write("bad.yaml", "name: bad\naccounts: [nobody]\nvariants:\n  - { name: a, text: x }\nmetric: click-rate\n");

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file);

        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml:5:9: metric: unknown metric 'click-rate'", error, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:4:3: variants: an experiment needs 2 to 8 variants; this one has 1", error, StringComparison.Ordinal);
    }
}
