namespace MarketingOps.Sdk;

/// <summary>Features a platform offers.</summary>
[Flags]
public enum PlatformCapabilities
{
    /// <summary>Nothing beyond publishing text.</summary>
    None = 0,

    /// <summary>A repeated publish with the same idempotency key cannot create a second post; SDK 1.1 plugins say for how long with <see cref="PlatformDescriptor.RepeatProtection"/>.</summary>
    Idempotency = 1 << 0,

    /// <summary>Posts can carry media.</summary>
    Media = 1 << 1,

    /// <summary>Published posts can be deleted.</summary>
    Delete = 1 << 2,

    /// <summary>Counters can be fetched for published posts.</summary>
    Metrics = 1 << 3,

    /// <summary>Replies to other posts can be sent.</summary>
    Replies = 1 << 4,

    /// <summary>Direct messages can be sent.</summary>
    DirectMessages = 1 << 5,

    /// <summary>The platform implements <see cref="IAudienceSource"/> (new followers, mentions).</summary>
    AudienceEvents = 1 << 6,
}
