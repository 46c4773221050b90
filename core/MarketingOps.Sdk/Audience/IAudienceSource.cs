namespace MarketingOps.Sdk;

/// <summary>Optional platform capability: who followed or mentioned an account, and what they say in public.</summary>
public interface IAudienceSource
{
    /// <summary>Events for an account since a time, oldest first.</summary>
    Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>A person's public profile and recent public posts, or <see langword="null"/> if unknown.</summary>
    Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken);
}
