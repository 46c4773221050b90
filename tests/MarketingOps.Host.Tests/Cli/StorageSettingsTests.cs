namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// Storage settings are taken as written or refused, through the real executable: <c>"Kind": "Postgres"</c> without a
/// connection string was ignored, so posts went on into the SQLite files (and <c>MOPS_Storage__Kind</c>, which the
/// docs showed, did nothing).
/// </summary>
public sealed class StorageSettingsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public StorageSettingsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
        _home.Write("mops.json", """{ "Storage": { "Kind": "Postgres" } }""");
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("post", "list")]
    [InlineData("post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Fresh rye on Saturday")]
    [InlineData("guardrails", "check", "--account", "acme", "--text", "Fresh rye on Saturday")]
    [InlineData("run")]
    [InlineData("run", "--no-web")]
    public async Task Postgres_without_a_connection_string_is_refused_naming_the_settings_and_nothing_is_stored(params string[] command)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 3, $"exit {exit}: {output}{error}");
        Assert.Contains("mops.json", error, StringComparison.Ordinal);
        Assert.Contains("Storage:Kind is Postgres but Storage:ConnectionString is not set", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")), "a refused command made the SQLite store");
    }

    [Theory]
    [InlineData("post", "list")]
    [InlineData("guardrails", "check", "--account", "acme", "--text", "Fresh rye on Saturday")]
    [InlineData("run")]
    [InlineData("run", "--no-web")]
    public async Task An_unknown_kind_is_refused_naming_the_setting_the_value_and_the_kinds(params string[] command)
    {
        // The binder's message named the .NET enum type (MarketingOps.Core.Storage.StorageKind), exit 1.
        _home.Write("mops.json", """{ "Storage": { "Kind": "Mysql" } }""");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 3, $"exit {exit}: {output}{error}");
        Assert.Contains("Storage:Kind: 'Mysql' is not a storage kind; use one of Sqlite, Postgres.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MarketingOps.Core", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")), "a refused command made the SQLite store");
    }

    [Fact]
    public async Task The_kind_from_the_environment_is_honoured()
    {
        _home.Write("mops.json", "{}");

        using var mops = MopsProcess.Start(_home.Root, new Dictionary<string, string> { ["MOPS_Storage__Kind"] = "Postgres" }, "post", "list");

        Assert.Equal(3, await mops.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains("MOPS_Storage__Kind is Postgres", mops.StandardError, StringComparison.Ordinal);
    }
}
