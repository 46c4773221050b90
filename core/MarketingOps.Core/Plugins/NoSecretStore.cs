using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>The secret store of a client folder that has no secrets configured.</summary>
internal sealed class NoSecretStore : ISecretStore
{
    public static NoSecretStore Instance { get; } = new();

    public string? GetSecret(string name) => null;
}
