using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Testing;

/// <summary>A registry holding the accounts and platforms a test gives it.</summary>
public sealed class FakeRegistry : IPlatformRegistry
{
    private readonly List<ClientAccount> _accounts = [];
    private readonly List<IPlatform> _platforms = [];

    public FakeRegistry()
    {
    }

    public FakeRegistry(IEnumerable<ClientAccount> accounts, IEnumerable<IPlatform> platforms)
    {
        _accounts.AddRange(accounts);
        _platforms.AddRange(platforms);
    }

    public IReadOnlyList<ClientAccount> Accounts => _accounts;

    public IReadOnlyList<IPlatform> Platforms => _platforms;

    public FakeRegistry Add(ClientAccount account)
    {
        _accounts.Add(account);
        return this;
    }

    public FakeRegistry Add(IPlatform platform)
    {
        _platforms.Add(platform);
        return this;
    }

    /// <summary>Replaces the account of the same name, as an edited plugins.json would.</summary>
    public void Replace(ClientAccount account)
    {
        _accounts.RemoveAll(a => string.Equals(a.Name, account.Name, StringComparison.OrdinalIgnoreCase));
        _accounts.Add(account);
    }

    public void RemovePlatform(string id) => _platforms.RemoveAll(p => p.Descriptor.Id == id);

    public ClientAccount? FindAccount(string name) => _accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    // Ids match ignoring case, as the host's plugin manager matches them.
    public IPlatform? FindPlatform(string platformId) => _platforms.FirstOrDefault(p => string.Equals(p.Descriptor.Id, platformId, StringComparison.OrdinalIgnoreCase));
}
