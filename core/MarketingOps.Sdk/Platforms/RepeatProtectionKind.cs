namespace MarketingOps.Sdk;

/// <summary>What stops a publish repeated under the same idempotency key from creating a second post.</summary>
public enum RepeatProtectionKind
{
    /// <summary>Nothing: every publish request can create a post (X).</summary>
    None,

    /// <summary>The platform remembers the key for <see cref="RepeatProtection.KeyLifetime"/> after the first request (Mastodon's <c>Idempotency-Key</c>).</summary>
    ExpiringKey,

    /// <summary>The client chooses the new record's key and the platform refuses a second record with it, for ever (Bluesky's record key).</summary>
    RecordKey,
}
