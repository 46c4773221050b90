using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

public sealed class PluginsCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Plugins_list_json_shows_the_sandbox_plugin_active()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(MopsProcess.RepositoryRoot, "plugins", "list", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var sandbox = json.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "sandbox");
        Assert.Equal("Active", sandbox.GetProperty("status").GetString());
        Assert.Equal("Platform", sandbox.GetProperty("kind").GetString());
        Assert.Equal("1.0.0", sandbox.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Plugins_check_lists_every_configuration_problem_with_its_location_and_exits_non_zero()
    {
        _home.Write("plugins.json", """
            { "plugins": [
                { "id": "sandbox", "path": "missing-folder", "setings": {} },
                { "id": "other", "accounts": [ { "name": "acme", "timeZone": "Moon/Base" } ] } ] }
            """);

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "check", "--home", _home.Root);

        Assert.Equal(3, exit);
        Assert.Contains("$.plugins[0].setings: unknown property", error, StringComparison.Ordinal);
        Assert.Contains("$.plugins[1].id: no plugin \"other\" in ", error, StringComparison.Ordinal);
        Assert.Contains("$.plugins[1].accounts[0].timeZone", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_check_reports_a_missing_plugin_folder_and_exits_one()
    {
        _home.Write("plugins.json", """{ "plugins": [ { "id": "sandbox", "path": "nowhere" } ] }""");

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "check");

        Assert.Equal(1, exit);
        Assert.Contains("plugin folder not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plugins_check_passes_on_a_valid_folder_and_writes_no_data()
    {
        _home.WriteSandboxPluginsJson();

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "check");

        Assert.True(exit == 0, error);
        Assert.Contains("1 active", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")));
    }

    [Fact]
    public async Task A_syntax_error_in_plugins_json_is_one_clear_line_with_line_and_column()
    {
        _home.Write("plugins.json", "{ \"plugins\": [ }");

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "list");

        Assert.Equal(3, exit);
        Assert.Contains("line 1, column 16: invalid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (exit, _, _) = await MopsProcess.RunAsync(_home.Root, "plugins", "frobnicate");

        Assert.NotEqual(0, exit);
    }
}
