using MarketingOps.Core.Plugins;

namespace MarketingOps.Host.Hosting;

/// <summary>A client's folder: <c>plugins.json</c>, <c>mops.json</c>, and the data, logs, secrets and caches the host writes.</summary>
/// <param name="Root">The folder's full path.</param>
internal sealed record ClientFolder(string Root)
{
    public string PluginsFile => Path.Combine(Root, Core.Plugins.PluginsFile.FileName);

    /// <summary>Optional host settings: storage, scheduling, guardrails, logging levels.</summary>
    public string SettingsFile => Path.Combine(Root, "mops.json");

    public string DataDirectory => Path.Combine(Root, "data");

    public string LogsDirectory => Path.Combine(Root, "logs");

    public string SecretsDirectory => Path.Combine(Root, "secrets");

    public string CacheDirectory => Path.Combine(Root, "cache");

    /// <summary>The folder named by <c>--home</c>, or the current folder.</summary>
    public static ClientFolder Resolve(string? home)
    {
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(home) ? Directory.GetCurrentDirectory() : home);
        return Directory.Exists(root)
            ? new ClientFolder(root)
            : throw new UserFacingException($"client folder not found: {root} (--home names the folder that holds {Core.Plugins.PluginsFile.FileName})");
    }
}
