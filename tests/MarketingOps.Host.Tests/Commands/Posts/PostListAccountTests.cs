using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>
/// `post list --account` (found by a user-view test): a misspelt account printed "0 posts" with exit 0, as if nothing
/// were scheduled, and the account typed in another case listed nothing.
/// </summary>
public sealed class PostListAccountTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostListAccountTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "bakery", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task An_unknown_account_is_refused_naming_the_configured_ones_and_another_case_finds_the_account()
    {
        var (scheduled, _, scheduleError) = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "bakery", "--at", "2099-01-01T10:00:00Z", "--text", "Sourdough is back on Friday");
        Assert.True(scheduled == 0, scheduleError);

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--account", "bakrey");
        Assert.True(exit != 0, output);
        Assert.Contains("--account: no account named 'bakrey'; configured accounts: bakery", error, StringComparison.Ordinal);

        var (found, list, listError) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--account", "BAKERY", "--json");
        Assert.True(found == 0, listError);
        Assert.Equal("bakery", Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray().ToList()).GetProperty("account").GetString());
    }
}
