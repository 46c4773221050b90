using MarketingOps.Core.Configuration;
using MarketingOps.Core.Plugins;

namespace MarketingOps.Core.Tests.Plugins;

public sealed class PluginsFileReaderTests : IDisposable
{
    private readonly PluginFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_syntax_error_names_its_line_and_column()
    {
        _folder.WritePluginsJson("{\n  \"plugins\": [\n    { \"id\": \"sandbox\" \"path\": \"x\" }\n  ]\n}");

        var problem = Assert.Single(Problems());

        Assert.Equal("line 3, column 23", problem.Location);
        Assert.StartsWith("invalid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "plugins": [ { "id": "nosuchplugin" } ] }""", "$.plugins[0].id", "no plugin \"nosuchplugin\" in ")]
    [InlineData("""{ "plugins": [ { "id": "sandbox", "path": "" } ] }""", "$.plugins[0].path", "must be a non-empty string")]
    [InlineData("""{ "plugins": [ { "path": "x" } ] }""", "$.plugins[0].id", "required")]
    [InlineData("""{ "plugins": [ { "id": "Sand Box", "path": "x" } ] }""", "$.plugins[0].id", "not a valid plugin id")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "setings": {} } ] }""", "$.plugins[0].setings", "unknown property")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "enabled": "yes" } ] }""", "$.plugins[0].enabled", "true or false")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "settings": [] } ] }""", "$.plugins[0].settings", "must be an object")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x" }, { "id": "a", "path": "y" } ] }""", "$.plugins[1].id", "listed twice")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "accounts": [ { "name": "acme", "timeZone": "Mars/Olympus" } ] } ] }""", "$.plugins[0].accounts[0].timeZone", "not a known IANA time zone")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "accounts": [ { "name": "acme" } ] }, { "id": "b", "path": "y", "accounts": [ { "name": "ACME" } ] } ] }""", "$.plugins[1].accounts[0].name", "already defined at $.plugins[0].accounts[0]")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "workflows": { "follow-up": { "schedule": "every tuesday" } } } ] }""", "$.plugins[0].workflows.follow-up.schedule", "not a valid Quartz cron expression")]
    [InlineData("""{ "plugins": [ { "id": "a", "path": "x", "workflows": { "follow-up": { "unattended": ["welcome-dm"] } } } ] }""", "$.plugins[0].workflows.follow-up.unattended[0]", "must be one of")]
    [InlineData("""{ "plugin": [] }""", "$.plugin", "unknown property")]
    [InlineData("""[]""", "$", "must be a JSON object")]
    public void Each_bad_case_names_its_location(string json, string location, string message)
    {
        _folder.WritePluginsJson(json);

        var problems = Problems();

        Assert.Contains(problems, p => p.Location == location && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "a" }, { "path": "y", "accounts": [ { "timeZone": "Nowhere/City" } ] } ] }""");

        var locations = Problems().Select(p => p.Location).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(new[] { "$.plugins[0].id", "$.plugins[1].id", "$.plugins[1].accounts[0].name", "$.plugins[1].accounts[0].timeZone" }.Order(StringComparer.Ordinal), locations);
    }

    [Fact]
    public void An_entry_without_a_path_finds_its_plugin_in_the_client_folder_first_then_among_those_that_ship_with_mops()
    {
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "sandbox" }, { "id": "own" } ] }""");
        TestPluginBuilder.Build(Path.Combine(_folder.Root, "plugins", "own", "1.2.0"), "own", TestPluginBuilder.PlatformSource("own", "Own"), version: "1.2.0");
        TestPluginBuilder.Build(Path.Combine(_folder.Root, "plugins", "own", "1.10.0"), "own", TestPluginBuilder.PlatformSource("own", "Own"), version: "1.10.0");

        var file = PluginsFileReader.Read(_folder.PluginsFile);

        Assert.Equal(Path.Combine(_folder.Root, "plugins", "own", "1.10.0"), file.Plugins[1].Directory);
        Assert.Equal("sandbox", PluginManifestReader.Read(file.Plugins[0].Directory).Manifest!.Id);
        Assert.DoesNotContain(_folder.Root, file.Plugins[0].Directory, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var problem = Assert.Single(PluginsFileReader.TryRead(Path.Combine(_folder.Root, "nope.json")).Problems);

        Assert.Contains("file not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_throws_with_every_problem_in_the_message()
    {
        _folder.WritePluginsJson("""{ "plugins": [ { "id": "a" }, { "id": "b" } ] }""");

        var exception = Assert.Throws<ConfigurationException>(() => PluginsFileReader.Read(_folder.PluginsFile));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("$.plugins[1].id: no plugin \"b\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_resolves_paths_accounts_and_workflows()
    {
        _folder.WritePluginsJson("""
            // comments are allowed
            { "plugins": [ {
                "id": "sandbox", "path": "artifacts/plugins/Sandbox",
                "settings": { "seed": 42, "rates": [ { "clickRate": 0.04 } ] },
                "accounts": [ { "name": "acme", "timeZone": "Europe/Berlin", "approvalRequired": true, "settings": { "followers": 10 } } ],
                "workflows": { "follow-up": { "schedule": "0 0/15 * * * ?", "unattended": ["reply"] } }
            } ] }
            """);

        var file = PluginsFileReader.Read(_folder.PluginsFile);

        var entry = Assert.Single(file.Plugins);
        Assert.Equal(Path.Combine(_folder.Root, "artifacts", "plugins", "Sandbox"), entry.Directory);
        Assert.Equal("0.04", entry.Settings["rates:0:clickRate"]);
        var account = Assert.Single(entry.Accounts);
        Assert.Equal(("acme", "sandbox", "Europe/Berlin", true), (account.Name, account.Platform, account.TimeZone.Id, account.ApprovalRequired));
        Assert.Equal("10", account.Settings["followers"]);
        Assert.Equal(["reply"], entry.Workflows["follow-up"].Unattended);
    }

    private IReadOnlyList<ConfigProblem> Problems() => PluginsFileReader.TryRead(_folder.PluginsFile).Problems;
}
