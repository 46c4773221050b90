namespace MarketingOps.Core.Plugins;

/// <summary>The client's <c>plugins.json</c>: which plugins the host loads, with their settings and accounts.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Plugins">The entries, in file order.</param>
public sealed record PluginsFile(string Path, IReadOnlyList<PluginEntry> Plugins)
{
    /// <summary>The file's name in a client folder.</summary>
    public const string FileName = "plugins.json";
}
