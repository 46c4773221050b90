using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Guardrails.Doubles;

public sealed class FakePlatformRegistry(IReadOnlyList<ClientAccount> accounts, IReadOnlyList<IPlatform> platforms) : IPlatformRegistry
{
    public IReadOnlyList<ClientAccount> Accounts { get; } = accounts;

    public IReadOnlyList<IPlatform> Platforms { get; } = platforms;

    public ClientAccount? FindAccount(string name) =>
        Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public IPlatform? FindPlatform(string platformId) =>
        Platforms.FirstOrDefault(p => string.Equals(p.Descriptor.Id, platformId, StringComparison.OrdinalIgnoreCase));
}
