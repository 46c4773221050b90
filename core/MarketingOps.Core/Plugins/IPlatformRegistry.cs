using MarketingOps.Core.Accounts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>The active platforms and the client's accounts; the engine's only way to reach a platform plugin.</summary>
public interface IPlatformRegistry
{
    /// <summary>Every account configured in <c>plugins.json</c>, including those whose plugin is not active.</summary>
    IReadOnlyList<ClientAccount> Accounts { get; }

    /// <summary>Finds an account by name (case-insensitive).</summary>
    ClientAccount? FindAccount(string name);

    /// <summary>Finds the active platform with this id; null when the plugin is missing, disabled or failed.</summary>
    IPlatform? FindPlatform(string platformId);

    /// <summary>Every active platform.</summary>
    IReadOnlyList<IPlatform> Platforms { get; }
}
