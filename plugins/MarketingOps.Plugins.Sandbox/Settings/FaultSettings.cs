namespace MarketingOps.Plugins.Sandbox.Settings;

/// <summary>Seeded fault injection, for tests of the host; every rate is a probability per call.</summary>
internal sealed record FaultSettings
{
    /// <summary>A publish fails before anything is created (Transient). The default value is 0.</summary>
    public double TransientRate { get; init; }

    /// <summary>A publish times out (Ambiguous); half of these were created, half were not. The default value is 0.</summary>
    public double AmbiguousRate { get; init; }

    /// <summary>A publish is refused as rate-limited (RateLimited, nothing created). The default value is 0.</summary>
    public double RateLimitRate { get; init; }

    /// <summary>A post is left out of a metrics answer (Unavailable). The default value is 0.</summary>
    public double UnavailableRate { get; init; }

    /// <summary>How long an injected rate limit lasts. The default value is 60 seconds.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a publish takes to answer once the network has handled it (a slow network, so a host can die mid-call). The default value is none.</summary>
    public TimeSpan AnswerDelay { get; init; }

    public bool AnyPublishFault => TransientRate > 0 || AmbiguousRate > 0 || RateLimitRate > 0;
}
