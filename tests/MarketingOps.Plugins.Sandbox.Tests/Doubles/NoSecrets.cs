using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Doubles;

/// <summary>The sandbox needs no credentials.</summary>
public sealed class NoSecrets : ISecretStore
{
    public string? GetSecret(string name) => null;
}
