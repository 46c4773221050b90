namespace MarketingOps.Core.Publishing;

/// <summary>How posts are published, retried and reconciled (configuration section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>A post late by less than this (the host was down or busy) is still published; later ones become Missed. The default value is 15 minutes.</summary>
    public TimeSpan MisfireGracePeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The median delay before the first retry of a transient failure; later retries grow exponentially, with jitter. The default value is 10 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No retry waits longer than this; at most 1 day. The default value is 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Transient failures allowed before the post is Failed. The default value is 6.</summary>
    public int MaxTransientFailures { get; set; } = 6;

    /// <summary>How long one publish call may take before its outcome counts as ambiguous. The default value is 60 seconds.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one reconciliation lookup may take before its answer counts as unknown. The default value is 30 seconds.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When a platform says "rate limited" without a reset time, wait this long. The default value is 1 minute.</summary>
    public TimeSpan RateLimitFallbackDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When a platform refuses an account's credentials, its posts wait in Scheduled and one of them tries again after this long (sooner once the account is connected again in this host). The default value is 15 minutes.</summary>
    public TimeSpan CredentialsRecheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When another post of the account is publishing (on another node), look again after this long. The default value is 2 seconds.</summary>
    public TimeSpan AccountBusyDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A post left Publishing by another node for longer than this is reconciled by whoever finds it. The default value is 10 minutes.</summary>
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the running engine looks for overdue scheduled posts whose trigger was lost. The default value is 1 minute.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a running host renews its lease (its heartbeat in the store). The default value is 10 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A host whose lease was not renewed for this long is gone: its claims are settled by lookup. The default value is 1 minute.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A repeat is sent under an expiring idempotency key only if it arrives at least this long before the key lapses. The default value is 2 minutes.</summary>
    public TimeSpan KeyExpiryMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-account budgets that replace the platform's declared <c>publish</c> budgets, keyed by account name. The default value is none.</summary>
    public Dictionary<string, List<RateBudgetOptions>> AccountBudgets { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
