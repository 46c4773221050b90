using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>A plugin's writable secrets: reads go to the client's store, writes only to names under the plugin's id.</summary>
internal sealed class PluginSecretScope(ISecretStore store, string pluginId) : IWritableSecretStore
{
    private readonly string _prefix = pluginId + "/";

    public string? GetSecret(string name) => store.GetSecret(name);

    public void SetSecret(string name, string value) => Writable(name).SetSecret(name, value);

    public bool RemoveSecret(string name) => Writable(name).RemoveSecret(name);

    private IWritableSecretStore Writable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(_prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The plugin '{pluginId}' may only write secrets whose names start with '{_prefix}'; '{name}' does not.", nameof(name));
        }

        return store as IWritableSecretStore
            ?? throw new InvalidOperationException($"The plugin '{pluginId}' cannot store '{name}': this host has no client folder to keep secrets in.");
    }
}
