using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>A snapshot of one plugin's status, as <c>mops plugins list</c> shows it.</summary>
public sealed record PluginState(string Id, string? Version, PluginKind? Kind, PluginStatus Status, string? Reason, string Path)
{
    /// <summary>How many times the plugin was loaded again after a rebuild.</summary>
    public int Reloads { get; init; }
}
