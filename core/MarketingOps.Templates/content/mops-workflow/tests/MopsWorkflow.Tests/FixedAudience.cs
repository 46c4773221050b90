using MarketingOps.Sdk;

namespace MopsWorkflow.Tests;

/// <summary>An audience source that answers every account with the same events, and remembers since when it was asked.</summary>
internal sealed class FixedAudience(params AudienceEvent[] events) : IAudienceSource
{
    public DateTimeOffset? AskedSince { get; private set; }

    public Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        AskedSince = since;
        return Task.FromResult<IReadOnlyList<AudienceEvent>>(events);
    }

    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken) => Task.FromResult<PublicProfile?>(null);
}
