namespace MarketingOps.Host.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Run_starts_and_stops_cleanly_on_ctrl_c()
    {
        _home.WriteSandboxPluginsJson();
        using var mops = MopsProcess.Start(_home.Root, "run");

        await mops.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        mops.Interrupt();
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Contains("mops stopped", mops.StandardError + mops.StandardOutput, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_home.Root, "logs"), "mops-*.json"));
    }

    [Fact]
    public async Task Run_refuses_to_start_on_a_bad_plugins_json_and_lists_the_problem()
    {
        _home.Write("plugins.json", """{ "plugins": [ { "id": "nosuchplugin" } ] }""");

        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "run");

        Assert.Equal(3, exit);
        Assert.Contains("nothing was started", error, StringComparison.Ordinal);
        Assert.Contains("$.plugins[0].id: no plugin \"nosuchplugin\" in ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--no-web")]
    [InlineData("run")]
    public async Task Run_refuses_a_setting_its_options_refuse_with_exit_3_naming_the_setting_and_the_file(params string[] args)
    {
        _home.WriteSandboxPluginsJson();
        _home.Write("mops.json", """{ "Publishing": { "MisfireGracePeriod": "-00:05:00" }, "Links": { "ShortBaseUrl": "not a url" } }""");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, args);

        Assert.True(exit == 3, $"exit {exit}: {output}{error}");
        Assert.Contains("configuration problems in mops.json; nothing was started:", error, StringComparison.Ordinal);
        Assert.Contains("MisfireGracePeriod must be positive", error, StringComparison.Ordinal);
        Assert.Contains("ShortBaseUrl", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
