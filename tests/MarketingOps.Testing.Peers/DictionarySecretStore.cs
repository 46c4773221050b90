using System.Collections.Concurrent;
using MarketingOps.Sdk;

namespace MarketingOps.Testing.Peers;

/// <summary>Secrets held in memory, for plugin tests; writes (a rotated token) are kept and readable.</summary>
public sealed class DictionarySecretStore(IReadOnlyDictionary<string, string> secrets) : IWritableSecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(secrets, StringComparer.Ordinal);

    public string? GetSecret(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public void SetSecret(string name, string value) => _values[name] = value;

    public bool RemoveSecret(string name) => _values.TryRemove(name, out _);

    /// <summary>A copy of every stored secret, to start another plugin instance (a restart) with them.</summary>
    public Dictionary<string, string> Snapshot() => new(_values, StringComparer.Ordinal);
}
