namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// A value an option refuses is a usage error (exit 2) naming the option, what was given and what it takes, through the
/// real executable. A number option given something else said "Failed to convert 'x' to Int32." or, for an optional
/// number, "to Nullable`1." (found beside the enum options' fault of the user-view test); other refusals exited 1.
/// </summary>
public sealed class RefusedOptionValueTests : IDisposable
{
    private readonly TempFolder _home = new();

    public RefusedOptionValueTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("--limit: 'x' is not a whole number", "post", "list", "--limit", "x")]
    [InlineData("--limit: 'x' is not a whole number", "post", "list", "--limit=x")]
    [InlineData("--part: 'two' is not a whole number", "inbox", "approve", "0123456789abcdef", "--part", "two")]
    [InlineData("--expires-in-days: 'soon' is not a whole number", "tokens", "create", "--name", "zapier", "--role", "editor", "--expires-in-days", "soon")]
    [InlineData("--limit: '99999999999' is not a whole number from -2147483648 to 2147483647", "links", "list", "--limit", "99999999999")]
    public async Task A_value_that_is_not_a_number_is_a_usage_error_naming_the_option(string expected, params string[] command)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--role: 'bogus' is not a role; use owner, editor, approver or viewer.", "tokens", "create", "--name", "zapier", "--role", "bogus")]
    [InlineData("--expires-in-days: '0' is not a number of days; give 1 or more", "tokens", "create", "--name", "zapier", "--role", "editor", "--expires-in-days", "0")]
    [InlineData("--platform: 'bogus' is not a platform that ships with mops; choose from sandbox", "init", "newclient", "--platform", "bogus")]
    [InlineData("--time-zone: 'Mars/Base' is not a known IANA time zone", "init", "newclient", "--time-zone", "Mars/Base")]
    [InlineData("--published: 'nope' is not a URL", "post", "resolve", "0123456789abcdef", "--published", "nope")]
    [InlineData("--port 70000: a port is 0 to 65535", "accounts", "connect", "acme", "--port", "70000")]
    [InlineData("--limit: '0' is not a number of posts; give 1 or more", "post", "list", "--limit", "0")]
    [InlineData("--limit: '-1' is not a number of posts; give 1 or more", "post", "list", "--limit", "-1")]
    [InlineData("--at: 'notatime' is not a time; expected ISO 8601", "post", "schedule", "--account", "acme", "--at", "notatime", "--text", "Rye loaves are back on Friday")]
    [InlineData("--at: '2099-01-01T25:00' is not a time", "guardrails", "check", "--account", "acme", "--at", "2099-01-01T25:00", "--text", "Spelt on Sunday")]
    [InlineData("--at: '2099-01-01T10:00+99:00' is not an ISO 8601 time", "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00+99:00", "--text", "Spelt on Sunday")]
    public async Task A_value_the_option_refuses_is_a_usage_error_naming_the_option_and_what_was_given(string expected, params string[] command)
    {
        // These exited 1, as if the command had run and met a problem; post list --limit 0 printed "0 posts", -1 every post;
        // --at notatime exited 1 where a bad --tz beside it exited 2.
        var (_, id, _) = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Rye loaves are back on Friday");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(id.Trim(), output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "newclient")), "a refused init made the folder");
    }

    [Theory]
    [InlineData("--text", "post", "schedule", "--account", "acme", "--at", "2099-01-02T10:00:00Z", "--text")]
    [InlineData("--html", "report", "posts", "--html")]
    [InlineData("--account", "post", "list", "--account")]
    public async Task An_option_without_its_value_at_the_end_is_a_usage_error_and_nothing_is_done(string option, params string[] command)
    {
        // Spectre gave such an option the value "__default_command": post schedule … --text scheduled that text,
        // report posts --html wrote the report to a file of that name.
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains($"error: {option}: no value given", error, StringComparison.Ordinal);
        Assert.DoesNotContain("__default_command", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Root, "__default_command")), "a report was written to __default_command");
        var (_, list, _) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
        Assert.Equal("[]", list.Trim());
    }

    [Theory]
    [InlineData("--text", "post", "list", "--text=")]
    [InlineData("--account", "post", "list", "--account=", "--limit", "3")]
    [InlineData("--text", "post", "schedule", "--account", "acme", "--at", "2099-01-02T10:00:00Z", "--text=")]
    public async Task An_option_with_nothing_after_its_equals_sign_is_a_usage_error_naming_the_option(string option, params string[] command)
    {
        // Spectre's own words were "Expected an option value.", naming neither the option nor the way out.
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains($"error: {option}: no value after '=' (give {option}=VALUE or {option} VALUE", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Expected an option value", error, StringComparison.Ordinal);
    }
}
