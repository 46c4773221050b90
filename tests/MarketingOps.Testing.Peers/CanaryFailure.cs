namespace MarketingOps.Testing.Peers;

/// <summary>The ways a canary test makes every call fail.</summary>
public enum CanaryFailure
{
    Unauthorized401,
    Forbidden403,
    RateLimited429,
    ServerError500,
    Timeout,
}
