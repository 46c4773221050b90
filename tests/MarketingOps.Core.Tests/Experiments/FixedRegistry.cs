using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Experiments;

/// <summary>A platform registry over given platforms and accounts.</summary>
internal sealed class FixedRegistry(IReadOnlyList<IPlatform> platforms, IReadOnlyList<ClientAccount> accounts) : IPlatformRegistry
{
    public IReadOnlyList<ClientAccount> Accounts => accounts;

    public IReadOnlyList<IPlatform> Platforms => platforms;

    public ClientAccount? FindAccount(string name) => accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public IPlatform? FindPlatform(string platformId) => platforms.FirstOrDefault(p => string.Equals(p.Descriptor.Id, platformId, StringComparison.OrdinalIgnoreCase));
}
