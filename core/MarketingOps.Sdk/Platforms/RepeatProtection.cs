namespace MarketingOps.Sdk;

/// <summary>What a platform does with a publish repeated under the same idempotency key; the host retries an uncertain publish only while this protects it.</summary>
public sealed record RepeatProtection
{
    private RepeatProtection(RepeatProtectionKind kind, TimeSpan keyLifetime)
    {
        Kind = kind;
        KeyLifetime = keyLifetime;
    }

    /// <summary>The kind of protection.</summary>
    public RepeatProtectionKind Kind { get; }

    /// <summary>How long after the first request the platform still honours the key: zero for none, <see cref="TimeSpan.MaxValue"/> for a record key.</summary>
    public TimeSpan KeyLifetime { get; }

    /// <summary>Nothing protects a repeat: an uncertain publish is settled by lookup only.</summary>
    public static RepeatProtection None { get; } = new(RepeatProtectionKind.None, TimeSpan.Zero);

    /// <summary>A record key the client chooses, refused a second time for ever.</summary>
    public static RepeatProtection RecordKey { get; } = new(RepeatProtectionKind.RecordKey, TimeSpan.MaxValue);

    /// <summary>An idempotency key the platform keeps for <paramref name="lifetime"/> after the first request.</summary>
    public static RepeatProtection KeyKeptFor(TimeSpan lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        return new(RepeatProtectionKind.ExpiringKey, lifetime);
    }
}
