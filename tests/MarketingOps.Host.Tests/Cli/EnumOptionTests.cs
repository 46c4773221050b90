using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// An option that takes one of a set of names refuses a typo naming the option and the names, through the real
/// executable (found by a user-view test): <c>post list --state bogus</c> said "Failed to convert 'bogus' to
/// Nullable`1. Valid values are '', 'Draft', …".
/// </summary>
public sealed class EnumOptionTests : IDisposable
{
    private readonly TempFolder _home = new();

    public EnumOptionTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("--state: 'bogus' is not a state; use one of Draft, PendingApproval, Scheduled, Publishing, Published, Failed, Unconfirmed, Cancelled, Missed", "post", "list", "--state", "bogus")]
    [InlineData("--status: 'bogus' is not a status; use one of Pending, Approved, Rejected, SentUnattended", "inbox", "list", "--status", "bogus")]
    public async Task A_name_that_is_not_one_of_the_values_is_a_usage_error_naming_the_option_and_the_values(string expected, params string[] command)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("''", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_another_case_is_taken()
    {
        var (_, id, _) = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Rye loaves are back on Friday");

        var (scheduled, list, error) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--state", "scheduled", "--json");
        var (published, none, _) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--state", "Published", "--json");

        Assert.True(scheduled == 0, list + error);
        Assert.Equal(id.Trim(), Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, published);
        Assert.Equal("[]", none.Trim());
    }
}
