using System.Collections.Concurrent;
using MarketingOps.Core.Scheduling;

namespace MarketingOps.Core.Tests.TestDoubles;

/// <summary>Remembers the one trigger time per post that Quartz would hold.</summary>
internal sealed class RecordingPublishScheduler : IPublishScheduler
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
