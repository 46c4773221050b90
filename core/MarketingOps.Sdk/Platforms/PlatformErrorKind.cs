namespace MarketingOps.Sdk;

/// <summary>Classes of platform failure; each maps to one reaction of the host.</summary>
public enum PlatformErrorKind
{
    /// <summary>The platform refused the content for good (too long, duplicate, 4xx): the post fails.</summary>
    Rejected,

    /// <summary>The budget is spent until <see cref="PlatformError.RetryAt"/>: the post is rescheduled, not failed.</summary>
    RateLimited,

    /// <summary>Credentials are missing, wrong or expired: the post fails until a human fixes them.</summary>
    Unauthorized,

    /// <summary>Nothing was created (the request never left, or the platform is idempotent): safe to retry.</summary>
    Transient,

    /// <summary>The request may have been applied (timeout after sending): reconcile with a lookup, never retry blind.</summary>
    Ambiguous,
}
