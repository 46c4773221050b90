using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>One configured Mastodon account: its instance, its id there (resolved once), and any rate-limit pause.</summary>
internal sealed class MastodonAccount(PluginAccount account)
{
    public string Name { get; } = account.Name;

    public Uri InstanceUrl { get; } = new((account.Settings["instanceUrl"] ?? "https://invalid.invalid").TrimEnd('/') + "/");

    public string? AccountId { get; set; } = account.Settings["accountId"];

    /// <summary>The account's username on its instance, once verify_credentials has told it.</summary>
    public string? Username { get; set; }

    /// <summary>When X-RateLimit-Remaining reached 0: no request is sent before this time.</summary>
    public DateTimeOffset? PausedUntil { get; set; }
}
