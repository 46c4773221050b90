using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>An audience history held in memory, for tests and the demo.</summary>
public sealed class InMemoryAudienceHistory : IAudienceHistory
{
    private readonly Lock _lock = new();
    private readonly List<(string Account, AudienceEvent Event)> _events = [];

    public Task RecordAsync(string account, IReadOnlyList<AudienceEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_lock)
        {
            foreach (var audienceEvent in events)
            {
                if (!_events.Any(e => Same(e.Account, account) && e.Event.Id == audienceEvent.Id))
                {
                    _events.Add((account, audienceEvent));
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<AudienceEvent?> FindEventAsync(string account, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(e => Same(e.Account, account) && e.Event.Id == eventId));

    public Task<AudienceEvent?> FindByPostAsync(string account, string postId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(e => Same(e.Account, account) && e.Event.PostId == postId));

    public Task<IReadOnlyList<AudienceEvent>> GetEventsFromAsync(string account, string handle, CancellationToken cancellationToken)
    {
        var wanted = Handles.Normalize(handle);
        lock (_lock)
        {
            IReadOnlyList<AudienceEvent> found = [.. _events
                .Where(e => Same(e.Account, account) && Handles.Normalize(e.Event.Handle) == wanted)
                .Select(e => e.Event)
                .OrderBy(e => e.OccurredAt)];
            return Task.FromResult(found);
        }
    }

    private AudienceEvent? Find(Func<(string Account, AudienceEvent Event), bool> predicate)
    {
        lock (_lock)
        {
            return _events.Where(predicate).Select(e => e.Event).FirstOrDefault();
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
