using System.Collections.Concurrent;
using MarketingOps.Core.Scheduling;

namespace MarketingOps.Sdk.Testing;

/// <summary>Holds the one trigger per post Quartz would hold, so the kit fires them on its fake clock.</summary>
internal sealed class RecordingScheduler : IPublishScheduler
{
    public ConcurrentDictionary<string, DateTimeOffset> Triggers { get; } = new();

    public Task ScheduleAsync(string postId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Triggers[postId] = at;
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string postId, CancellationToken cancellationToken)
    {
        Triggers.TryRemove(postId, out _);
        return Task.CompletedTask;
    }

    public Task<bool> IsScheduledAsync(string postId, CancellationToken cancellationToken) => Task.FromResult(Triggers.ContainsKey(postId));
}
