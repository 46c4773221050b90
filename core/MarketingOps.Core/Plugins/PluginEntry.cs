using MarketingOps.Core.Accounts;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Core.Plugins;

/// <summary>One plugin listed in <c>plugins.json</c>.</summary>
/// <param name="Id">The id the plugin's manifest must carry.</param>
/// <param name="Directory">The plugin's folder, resolved against the file's folder.</param>
/// <param name="JsonPath">Where the entry sits in the file, for error messages (for example <c>$.plugins[1]</c>).</param>
public sealed record PluginEntry(string Id, string Directory, string JsonPath)
{
    /// <summary>A disabled plugin is listed but never loaded. The default value is true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The entry's <c>settings</c> object, handed to the plugin.</summary>
    public IConfiguration Settings { get; init; } = new ConfigurationBuilder().Build();

    /// <summary>The client's accounts on this plugin's platform.</summary>
    public IReadOnlyList<ClientAccount> Accounts { get; init; } = [];

    /// <summary>Per-workflow overrides, by workflow name.</summary>
    public IReadOnlyDictionary<string, WorkflowEntry> Workflows { get; init; } = new Dictionary<string, WorkflowEntry>();
}
