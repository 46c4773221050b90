namespace MarketingOps.Core.Tests.Plugins;

/// <summary>A throwaway client folder with a plugins.json, deleted after the test.</summary>
internal sealed class PluginFolder : IDisposable
{
    public PluginFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PluginsFile => Path.Combine(Root, "plugins.json");

    public string PluginDirectory(string id) => Path.Combine(Root, "plugins", id);

    public void WritePluginsJson(string json) => File.WriteAllText(PluginsFile, json);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
