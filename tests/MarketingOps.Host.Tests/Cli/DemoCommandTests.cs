using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task The_demo_publishes_to_the_sandbox_and_writes_only_into_its_own_data_folder()
    {
        var sandbox = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
        _home.Write("plugins.json", $$"""{ "plugins": [ { "id": "sandbox", "path": {{JsonSerializer.Serialize(sandbox)}} } ] }""");

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "demo");

        Assert.True(exit == 0, error);
        Assert.Contains("published", output, StringComparison.Ordinal);
        Assert.Contains("duplicate", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("refused before sending", output, StringComparison.Ordinal);
        var topLevel = Directory.EnumerateFileSystemEntries(_home.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["data", "plugins.json"], topLevel);
        Assert.Equal(["demo"], Directory.EnumerateFileSystemEntries(Path.Combine(_home.Root, "data")).Select(Path.GetFileName).ToList());
    }
}
