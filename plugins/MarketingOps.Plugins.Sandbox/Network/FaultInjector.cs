using MarketingOps.Plugins.Sandbox.Settings;

namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>Seeded faults: the same (seed, account, idempotency key, attempt) always meets the same fate, so host tests are reproducible.</summary>
internal sealed class FaultInjector(long seed, FaultSettings faults)
{
    public TimeSpan RetryAfter => faults.RetryAfter;

    public FaultDecision ForPublish(string account, string idempotencyKey, int attempt)
    {
        if (!faults.AnyPublishFault)
        {
            return FaultDecision.None;
        }

        var stream = StableHash.Of(seed, "fault", account, idempotencyKey, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var u = StableHash.UnitAt(stream, 0);
        if (u < faults.RateLimitRate)
        {
            return FaultDecision.RateLimited;
        }

        u -= faults.RateLimitRate;
        if (u < faults.TransientRate)
        {
            return FaultDecision.Transient;
        }

        u -= faults.TransientRate;
        if (u < faults.AmbiguousRate)
        {
            return StableHash.UnitAt(stream, 1) < 0.5 ? FaultDecision.AmbiguousLost : FaultDecision.AmbiguousApplied;
        }

        return FaultDecision.None;
    }

    public bool DropsMetrics(string postId, DateTimeOffset now) =>
        faults.UnavailableRate > 0
        && StableHash.UnitAt(StableHash.Of(seed, "unavailable", postId, now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0) < faults.UnavailableRate;
}
