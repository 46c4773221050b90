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
    public async Task A_json_experiment_file_with_a_trailing_comma_is_refused_at_the_comma_in_plain_words()
    {
        _home.Write("comma.json", "{\n  \"name\": \"Crème\",\n  \"variants\": [1, 2,],\n}\n");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "experiment", "create", "comma.json", "--dry-run");

        Assert.True(exit != 0, output + error);
        Assert.Contains("comma.json:3:20: not valid JSON: a comma after the last item of an array or object; JSON allows none there: remove it", error, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error, StringComparison.OrdinalIgnoreCase);
    }

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
    public async Task A_start_in_the_past_and_a_wording_too_long_are_both_found_by_dry_run_and_refuse_create_leaving_nothing()
    {
        var tooLong = "Ready for spring? " + new string('x', 320) + " https://shop.example/s";
        var file = _home.Write("broken.yaml", Definition
            .Replace("start: 2099-03-02 09:00", "start: 2021-03-02 09:00", StringComparison.Ordinal)
            .Replace("\"Ready for spring? Free shipping https://shop.example/s\"", $"\"{tooLong}\"", StringComparison.Ordinal));

        var dry = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--dry-run");
        var create = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file);

        foreach (var run in new[] { dry, create })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("2 problems:", run.Err, StringComparison.Ordinal);
            Assert.Contains("allocation.start: 4 of the 4 planned posts would be due in the past, the first at 2021-03-02 09:00 Europe/Berlin", run.Err, StringComparison.Ordinal);
            Assert.Contains("variants[1].rounds[0]: Sandbox network refuses this wording of variant 'question' (361/300)", run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("--at", run.Err, StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(posts: 0);
    }

    [Fact]
    public async Task A_post_the_guardrails_would_refuse_is_found_by_dry_run_and_refuses_create_leaving_nothing()
    {
        // A post the client already scheduled: the experiment's first control wording repeats it word for word.
        var earlier = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "brand", "--at", "2099-03-01 09:00", "--text", "Spring sale: free shipping https://shop.example/s");
        Assert.True(earlier.ExitCode == 0, earlier.Err);
        var file = _home.Write("cli-cta.yaml", Definition);

        var dry = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--dry-run");
        var create = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file);

        foreach (var run in new[] { dry, create })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("variants[0].rounds[0] (variant 'control', round 1, 2099-03-02 ", run.Err, StringComparison.Ordinal);
            Assert.Contains("refused by the guardrails: reject: [duplicate-content]", run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("--at", run.Err, StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(posts: 1);
    }

    private async Task AssertNothingStoredAsync(int posts)
    {
        var experiments = await MopsProcess.RunAsync(_home.Root, "experiment", "list", "--json");
        var scheduled = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
        Assert.Equal(0, JsonDocument.Parse(experiments.Out).RootElement.GetArrayLength());
        Assert.Equal(posts, JsonDocument.Parse(scheduled.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_stopped_experiments_name_can_be_used_again()
    {
        var file = _home.Write("cli-cta.yaml", Definition);
        var first = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--json");
        Assert.True(first.ExitCode == 0, first.Err);

        var taken = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--dry-run");
        var stop = await MopsProcess.RunAsync(_home.Root, "experiment", "stop", "cli-cta");
        var second = await MopsProcess.RunAsync(_home.Root, "experiment", "create", file, "--json");
        var list = await MopsProcess.RunAsync(_home.Root, "experiment", "list", "--json");

        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("name: an experiment named 'cli-cta' is running", taken.Err, StringComparison.Ordinal);
        Assert.Contains("a stopped experiment's name can be used again", taken.Err, StringComparison.Ordinal);
        Assert.True(stop.ExitCode == 0, stop.Err);
        Assert.True(second.ExitCode == 0, second.Err);
        Assert.Equal(["Running", "Stopped"], JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("state").GetString()));
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
