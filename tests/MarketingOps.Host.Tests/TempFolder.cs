namespace MarketingOps.Host.Tests;

/// <summary>A throwaway client folder, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mops-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a plugins.json that loads the solution's built sandbox plugin, with optional extra entry JSON and further plugin entries.</summary>
    public string WriteSandboxPluginsJson(string settingsJson = "{}", string accountsJson = "[]", string? morePluginsJson = null)
    {
        var sandbox = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
        var more = morePluginsJson is null ? "" : ", " + morePluginsJson;
        return Write("plugins.json", $$"""{ "plugins": [ { "id": "sandbox", "path": {{System.Text.Json.JsonSerializer.Serialize(sandbox)}}, "settings": {{settingsJson}}, "accounts": {{accountsJson}} }{{more}} ] }""");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
