namespace MarketingOps.Core.Scheduling;

/// <summary>Arranges for the publish job to fire for a post; the schedule itself lives in Quartz's store.</summary>
internal interface IPublishScheduler
{
    /// <summary>Makes the post's one trigger fire at <paramref name="at"/>, replacing any earlier one.</summary>
    Task ScheduleAsync(string postId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the post's trigger, if any.</summary>
    Task UnscheduleAsync(string postId, CancellationToken cancellationToken);

    /// <summary>True when the post has a trigger that will fire by itself.</summary>
    Task<bool> IsScheduledAsync(string postId, CancellationToken cancellationToken);
}
