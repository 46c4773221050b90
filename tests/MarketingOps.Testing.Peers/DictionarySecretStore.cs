using MarketingOps.Sdk;

namespace MarketingOps.Testing.Peers;

/// <summary>Secrets held in memory, for plugin tests.</summary>
public sealed class DictionarySecretStore(IReadOnlyDictionary<string, string> secrets) : ISecretStore
{
    public string? GetSecret(string name) => secrets.TryGetValue(name, out var value) ? value : null;
}
