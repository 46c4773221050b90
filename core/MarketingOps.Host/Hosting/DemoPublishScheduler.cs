using MarketingOps.Core.Scheduling;

namespace MarketingOps.Host.Hosting;

/// <summary>
/// The demo's publish triggers: kept in memory instead of Quartz, because Quartz fires by the wall clock and the
/// demo's clock jumps. The demo fires what is due through the publishing engine's executor, as the Quartz job would.
/// </summary>
internal sealed class DemoPublishScheduler : IPublishScheduler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _triggers = new(StringComparer.Ordinal);

    /// <summary>When the earliest trigger fires; null when none is left.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _triggers.Count == 0 ? null : _triggers.Values.Min();
            }
        }
    }

    public Task ScheduleAsync(string postId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _triggers[postId] = at;
        }

        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _triggers.Remove(postId);
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsScheduledAsync(string postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_triggers.ContainsKey(postId));
        }
    }

    /// <summary>Removes and returns the triggers due at <paramref name="now"/>, earliest first (a trigger fires once).</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var due = _triggers.Where(t => t.Value <= now).OrderBy(t => t.Value).Select(t => t.Key).ToList();
            foreach (var id in due)
            {
                _triggers.Remove(id);
            }

            return due;
        }
    }
}
