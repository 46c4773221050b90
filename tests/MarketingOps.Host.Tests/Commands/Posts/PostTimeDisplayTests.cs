using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: times are printed in the account's zone (or --tz), to the minute unless --precise asks for more.</summary>
public sealed partial class PostTimeDisplayTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostTimeDisplayTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" }, { "name": "nyc", "timeZone": "America/New_York" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    private async Task<string> Schedule(string account, string text)
    {
        var (exit, output, error) = await Mops("post", "schedule", "--account", account, "--at", "2099-03-30 09:30", "--text", text);
        Assert.True(exit == 0, output + error);
        return output.Trim();
    }

    [Fact]
    public async Task Schedule_and_show_print_the_accounts_local_time_to_the_minute()
    {
        var (exit, _, error) = await Mops("post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", "Spring menu is out");
        Assert.Equal(0, exit);
        Assert.Contains("Scheduled for 2099-03-30 09:30 Europe/Berlin on acme", error, StringComparison.Ordinal);

        var id = JsonDocument.Parse((await Mops("post", "list", "--json")).Out).RootElement[0].GetProperty("id").GetString()!;
        var (_, shown, _) = await Mops("post", "show", id);

        Assert.Contains("2099-03-30 09:30 Europe/Berlin", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("07:30", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", shown, StringComparison.Ordinal);
        Assert.Contains("At (Europe/Berlin)", shown, StringComparison.Ordinal);
        Assert.DoesNotMatch(Seconds(), shown); // to the minute, history included
    }

    [Fact]
    public async Task Precise_shows_seconds_and_fractions()
    {
        var id = await Schedule("acme", "Spring menu is out");

        var (exit, shown, error) = await Mops("post", "show", id, "--precise");

        Assert.True(exit == 0, error);
        Assert.Contains("2099-03-30 09:30:00 Europe/Berlin", shown, StringComparison.Ordinal);
        Assert.Matches(Seconds(), shown);
    }

    [Fact]
    public async Task List_names_the_one_zone_in_its_header_or_gives_each_time_its_offset()
    {
        await Schedule("acme", "Berlin opens at half past nine");
        await Schedule("nyc", "New York opens at half past nine");

        var (_, berlin, _) = await Mops("post", "list", "--account", "acme");
        Assert.Contains("Due (Europe/Berlin)", berlin, StringComparison.Ordinal);
        Assert.Contains("2099-03-30 09:30", berlin, StringComparison.Ordinal);

        var (_, both, _) = await Mops("post", "list");
        Assert.Contains("2099-03-30 09:30 +02:00", both, StringComparison.Ordinal);
        Assert.Contains("2099-03-30 09:30 -04:00", both, StringComparison.Ordinal);

        var (_, utc, _) = await Mops("post", "list", "--tz", "UTC");
        Assert.Contains("Due (UTC)", utc, StringComparison.Ordinal);
        Assert.Contains("2099-03-30 07:30", utc, StringComparison.Ordinal);
        Assert.Contains("2099-03-30 13:30", utc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_zone_is_refused_naming_the_option()
    {
        var (exit, output, error) = await Mops("post", "list", "--tz", "Mars/Olympus_Mons");

        Assert.NotEqual(0, exit);
        Assert.Contains("--tz: 'Mars/Olympus_Mons' is not a known IANA time zone", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_keeps_exact_utc_instants()
    {
        var id = await Schedule("acme", "Spring menu is out");

        var (_, json, _) = await Mops("post", "show", id, "--json");

        var post = JsonDocument.Parse(json).RootElement.GetProperty("post");
        Assert.Equal(new DateTimeOffset(2099, 3, 30, 7, 30, 0, TimeSpan.Zero), post.GetProperty("dueAt").GetDateTimeOffset());
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex Seconds();
}
