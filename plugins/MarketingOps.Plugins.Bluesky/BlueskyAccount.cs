using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>One configured Bluesky account: its login handle, PDS, and the cached session.</summary>
internal sealed class BlueskyAccount(PluginAccount account, Uri serviceUrl) : IDisposable
{
    public string Name { get; } = account.Name;

    public string? Identifier { get; } = account.Settings["handle"]?.TrimStart('@');

    public Uri ServiceUrl { get; } = serviceUrl;

    /// <summary>The login in use: the handle stored by the last connect, else <see cref="Identifier"/>; read once.</summary>
    public string? LoginIdentifier { get; set; }

    /// <summary>The cached session; null until the first call logs in.</summary>
    public BlueskySession? Session { get; set; }

    /// <summary>Serialises logins and refreshes so concurrent calls never log in twice.</summary>
    public SemaphoreSlim SessionGate { get; } = new(1, 1);

    public Uri UrlOf(string rkey) => new($"https://bsky.app/profile/{Session?.Handle ?? LoginIdentifier ?? Identifier}/post/{rkey}");

    public void Dispose() => SessionGate.Dispose();
}
