using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// Defects a user-view walk-through of the CLI found (issue 12): global options before the command, JSON output of
/// non-ASCII text, durations without a unit, an unknown id given to <c>links list</c>; through the real executable.
/// </summary>
public sealed class CliUserViewTests : IDisposable
{
    private readonly TempFolder _home = new();
    private readonly TempFolder _elsewhere = new();

    public CliUserViewTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose()
    {
        _home.Dispose();
        _elsewhere.Dispose();
    }

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Home_and_verbose_before_the_command_are_taken_as_after_it()
    {
        var (scheduled, id, scheduleError) = await MopsProcess.RunAsync(_elsewhere.Root, "--home", _home.Root, "post", "schedule", "--account", "acme", "--at", "2031-01-01 09:00", "--text", "Hello");
        var (listed, list, listError) = await MopsProcess.RunAsync(_elsewhere.Root, "--verbose", "--home=" + _home.Root, "post", "list", "--json");

        Assert.True(scheduled == 0, id + scheduleError);
        Assert.True(listed == 0, list + listError);
        Assert.Equal(id.Trim(), Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.False(File.Exists(Path.Combine(_elsewhere.Root, "plugins.json")));
    }

    [Fact]
    public async Task Json_output_writes_non_ascii_text_as_utf8_and_escapes_only_what_json_requires()
    {
        const string Text = "Crème brûlée 🍮 for <two> & \"friends\" \\u00e9\ttab";
        var (exit, output, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-01-01 09:00", "--text", Text, "--json");
        var (_, list, _) = await Mops("post", "list", "--json");

        Assert.True(exit == 0, output + error);
        foreach (var json in new[] { output, list })
        {
            Assert.Contains("Crème brûlée 🍮 for <two> & \\\"friends\\\" \\\\u00e9\\ttab", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u00E8", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\\uD83C", json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(Text, JsonDocument.Parse(list).RootElement[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("script", "run", "s.csx")]
    [InlineData("accounts", "connect", "acme")]
    public async Task A_timeout_without_a_unit_is_refused_naming_the_forms(params string[] command)
    {
        _home.Write("s.csx", "Print(\"hi\");");

        var (exit, output, error) = await Mops([.. command, "--timeout", "5"]);

        // A refused option value is a usage error (it exited 1, as if the command had run and failed).
        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains("--timeout: '5' has no unit; give one of 500ms, 90s, 5m, 2h or 00:05:00 (for 5 seconds: 5s)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "script", "run", "s.csx")]
    [InlineData("0", "accounts", "connect", "acme")]
    [InlineData("0s", "script", "run", "s.csx")]
    [InlineData("-5", "script", "run", "s.csx")]
    public async Task A_timeout_that_is_not_positive_is_refused_without_suggesting_another_that_is_not(string timeout, params string[] command)
    {
        _home.Write("s.csx", "Print(\"hi\");");

        var (exit, output, error) = await Mops([.. command, "--timeout", timeout]);

        // "--timeout 0" suggested "(for 0 seconds: 0s)", which is refused in turn.
        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains($"--timeout: '{timeout}' is not a positive duration; give one of 500ms, 90s, 5m, 2h or 00:05:00", error, StringComparison.Ordinal);
        Assert.DoesNotContain("seconds:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hi", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_with_a_unit_is_taken()
    {
        _home.Write("s.csx", "Print(\"hi\");");

        var (exit, output, error) = await Mops("script", "run", "s.csx", "--timeout", "90s");

        Assert.True(exit == 0, output + error);
        Assert.Contains("hi", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_list_of_a_post_that_does_not_exist_says_so()
    {
        var (exit, output, error) = await Mops("links", "list", "--post", "nope");
        var (jsonExit, _, jsonError) = await Mops("links", "list", "--post", "nope", "--json");
        var (accountExit, _, accountError) = await Mops("links", "list", "--account", "nobody");
        var (_, id, _) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-01-01 09:00", "--text", "No links here");
        var (existing, none, noneError) = await Mops("links", "list", "--post", id.Trim());

        Assert.Equal(1, exit);
        Assert.Contains("--post: no post with id 'nope'; `mops post list` shows the ids", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Links:Tag", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(1, jsonExit);
        Assert.Contains("no post with id 'nope'", jsonError, StringComparison.Ordinal);
        Assert.Equal(1, accountExit);
        Assert.Contains("--account: no account named 'nobody'", accountError, StringComparison.Ordinal);
        Assert.True(existing == 0, none + noneError);
        Assert.Contains("no rewritten links match", noneError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_scheduled_in_the_quiet_hours_goes_at_its_time_and_the_command_says_so()
    {
        var night = new DateTimeOffset(2031, 1, 1, 23, 30, 0, TimeSpan.FromHours(1)).ToString("O", CultureInfo.InvariantCulture);

        var (exit, id, error) = await Mops("post", "schedule", "--account", "acme", "--at", night, "--text", "Late-night offer");
        var (_, shown, _) = await Mops("post", "show", id.Trim(), "--json");
        var (dayExit, _, dayError) = await Mops("post", "schedule", "--account", "acme", "--at", "2031-01-02 12:00", "--text", "Lunch offer");

        Assert.True(exit == 0, id + error);
        Assert.Contains("note: 23:30 in Europe/Berlin is inside the quiet hours 22:00–07:00 (Guardrails in mops.json): a post you schedule goes out at the time you give", error, StringComparison.Ordinal);
        var post = JsonDocument.Parse(shown).RootElement.GetProperty("post");
        Assert.Equal("Scheduled", post.GetProperty("state").GetString());
        Assert.Equal(DateTimeOffset.Parse(night, CultureInfo.InvariantCulture), post.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(0, dayExit);
        Assert.DoesNotContain("quiet hours", dayError, StringComparison.Ordinal);
    }
}
