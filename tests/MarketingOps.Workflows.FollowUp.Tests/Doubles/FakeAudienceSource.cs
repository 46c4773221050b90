using MarketingOps.Sdk;

namespace MarketingOps.Workflows.FollowUp.Tests.Doubles;

/// <summary>Serves a fixed list of events and profiles and remembers what it was asked.</summary>
public sealed class FakeAudienceSource : IAudienceSource
{
    public List<AudienceEvent> Events { get; } = [];

    public Dictionary<string, PublicProfile> Profiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(string Account, DateTimeOffset Since)> EventRequests { get; } = [];

    public Exception? FailWith { get; set; }

    public Task<IReadOnlyList<AudienceEvent>> GetEventsAsync(string account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        EventRequests.Add((account, since));
        if (FailWith is not null)
        {
            throw FailWith;
        }

        IReadOnlyList<AudienceEvent> events = [.. Events.Where(e => e.OccurredAt > since)];
        return Task.FromResult(events);
    }

    public Task<PublicProfile?> GetProfileAsync(string account, string handle, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.GetValueOrDefault(handle));
}
