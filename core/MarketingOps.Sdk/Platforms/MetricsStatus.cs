namespace MarketingOps.Sdk;

/// <summary>Whether a post's counters could be read.</summary>
public enum MetricsStatus
{
    /// <summary>Counters were read.</summary>
    Available,

    /// <summary>The post was deleted on the platform.</summary>
    Deleted,

    /// <summary>The platform did not return the post this time.</summary>
    Unavailable,
}
