using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Publishing.Retries;

/// <summary>
/// Whether sending a post's publish again is safe: only while the platform's declared protection (its idempotency
/// key or record key) still covers a repeat. Everything else is settled by looking the post up, never by a blind retry.
/// </summary>
internal static class RepeatPolicy
{
    /// <summary>How a 1.0 plugin that sets only <see cref="PlatformCapabilities.Idempotency"/> is read: a key kept for an hour, as on Mastodon.</summary>
    public static readonly TimeSpan UndeclaredKeyLifetime = TimeSpan.FromHours(1);

    /// <summary>What protects a repeat on this platform; a plugin that declares nothing and claims no idempotency gets none.</summary>
    public static RepeatProtection ProtectionOf(PlatformDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.RepeatProtection is { } declared)
        {
            return declared;
        }

        return descriptor.Capabilities.HasFlag(PlatformCapabilities.Idempotency)
            ? RepeatProtection.KeyKeptFor(UndeclaredKeyLifetime)
            : RepeatProtection.None;
    }

    /// <summary>
    /// True when a publish of <paramref name="post"/> sent at <paramref name="now"/> reaches a platform that still
    /// honours its key: a record key always, an expiring key until <paramref name="margin"/> before it lapses.
    /// </summary>
    public static bool KeyStillHonoured(RepeatProtection protection, Post post, DateTimeOffset now, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(post);
        return protection.Kind switch
        {
            RepeatProtectionKind.RecordKey => true,
            // The platform starts its clock on the first request carrying the key.
            RepeatProtectionKind.ExpiringKey => post.FirstAttemptAt is not { } first || now + margin < first + protection.KeyLifetime,
            _ => false,
        };
    }

    /// <summary>Says in words when a key stops protecting a repeat, for the post's history.</summary>
    public static string Describe(RepeatProtection protection, Post post)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(post);
        return protection.Kind switch
        {
            RepeatProtectionKind.RecordKey => "the platform refuses a second record with the same key",
            RepeatProtectionKind.ExpiringKey when post.FirstAttemptAt is { } first =>
                $"the platform keeps the idempotency key for {PublishExecutor.Describe(protection.KeyLifetime)} after the first attempt, until {first + protection.KeyLifetime:O}",
            RepeatProtectionKind.ExpiringKey => $"the platform keeps the idempotency key for {PublishExecutor.Describe(protection.KeyLifetime)}",
            _ => "nothing on the platform stops a repeated publish from posting twice",
        };
    }
}
