using Quartz;

namespace MarketingOps.Core.Scheduling;

/// <summary>One durable-until-done Quartz job per post, keyed by the post id, whose data carries only that id.</summary>
internal sealed class QuartzPublishScheduler : IPublishScheduler
{
    public const string Group = "mops.publish";

    private readonly ISchedulerFactory _factory;
    private readonly TimeProvider _time;

    public QuartzPublishScheduler(ISchedulerFactory factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    public static JobKey JobKeyFor(string postId) => new(postId, Group);

    public static TriggerKey TriggerKeyFor(string postId) => new(postId, Group);

    public async Task ScheduleAsync(string postId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<PublishJob>()
            .WithIdentity(JobKeyFor(postId))
            .UsingJobData(PublishJob.PostIdKey, postId)
            // A node that dies mid-publish has its firing replayed elsewhere; the job then reconciles instead of publishing.
            .RequestRecovery(true)
            .Build();
        var trigger = TriggerBuilder.Create(_time)
            .WithIdentity(TriggerKeyFor(postId))
            .ForJob(job)
            .StartAt(at)
            // Fire a late trigger at once: the job itself decides between "within grace" and Missed.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(string postId, CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyFor(postId), cancellationToken);
    }

    public async Task<bool> IsScheduledAsync(string postId, CancellationToken cancellationToken)
    {
        var scheduler = await _factory.GetScheduler(cancellationToken);
        // A trigger that has fired (Complete), failed (Error) or whose firing died with its host (Executing, before
        // recovery) will not fire the post again by itself.
        var state = await scheduler.GetTriggerState(TriggerKeyFor(postId), cancellationToken);
        return state is TriggerState.Normal or TriggerState.Blocked or TriggerState.Paused;
    }
}
