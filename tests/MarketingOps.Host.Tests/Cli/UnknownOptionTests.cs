namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// An option a command does not know is refused, never dropped (found by a user-view test): `inbox approve ID --edti
/// TEXT` approved the text unedited, `post import FILE --dryrun` imported for real, `post list --jsn` printed a table.
/// </summary>
public sealed class UnknownOptionTests : IDisposable
{
    private readonly TempFolder _home = new();

    public UnknownOptionTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("jsn", "post", "list", "--jsn")]
    [InlineData("dryrun", "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Rye loaves are back on Friday", "--dryrun")]
    [InlineData("acount", "post", "schedule", "--acount", "other", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Rye loaves are back on Friday")]
    [InlineData("edti", "inbox", "approve", "0123456789abcdef", "--edti", "typo edit")]
    public async Task An_unknown_option_is_refused_by_name_and_nothing_is_done(string name, params string[] command)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit != 0, $"exit 0: {output}{error}");
        Assert.Contains($"Unknown option '{name}'", output + error, StringComparison.Ordinal);
        var (_, list, _) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
        Assert.Equal("[]", list.Trim());
    }

    [Fact]
    public async Task A_scripts_own_arguments_after_the_double_dash_are_still_passed_on()
    {
        _home.Write("echo.csx", "Print(string.Join(\"|\", Args));");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "script", "run", "echo.csx", "--", "--weeks", "3", "-x");

        Assert.True(exit == 0, output + error);
        Assert.Contains("--weeks|3|-x", output, StringComparison.Ordinal);
    }
}
