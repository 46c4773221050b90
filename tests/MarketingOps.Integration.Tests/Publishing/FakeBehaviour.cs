namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>What the fake network does with a publish repeated under the same key, after the real platforms.</summary>
public enum FakeBehaviour
{
    /// <summary>X: no key at all; every publish that gets through creates a post.</summary>
    NoIdempotency,

    /// <summary>Mastodon: the key is remembered for <see cref="FakePlatformServer.KeyLifetime"/> after its first request, then forgotten.</summary>
    ExpiringKey,

    /// <summary>Bluesky: the client chooses the record key; a second record with it is refused (409) for ever.</summary>
    RecordKey,
}
