using Microsoft.Extensions.Logging;
using Quartz;

namespace MarketingOps.Core.Scheduling;

/// <summary>
/// Puts recurring work on Quartz, at start and while the host runs: a source whose work changed (a script scheduled
/// or unscheduled from the CLI) is applied without a restart.
/// </summary>
internal sealed class RecurringSchedule(ISchedulerFactory factory, TimeProvider time, ILogger<RecurringSchedule> logger)
{
    /// <summary>Schedules (or replaces) the job that runs <paramref name="cron"/>'s work.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, CronJobOptions cron, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(cron);
        var job = JobBuilder.Create<RecurringJob>()
            .WithIdentity(cron.Name, RecurringJob.Group)
            .UsingJobData(RecurringJob.WorkKey, cron.Work)
            .StoreDurably(true)
            .Build();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cron.TimeZone);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(cron.Name, RecurringJob.Group)
            .ForJob(job)
            .WithCronSchedule(cron.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>
    /// Makes the running schedule match <paramref name="jobs"/>: new ones and ones whose cron expression or zone changed
    /// are (re)scheduled, and the jobs <paramref name="owns"/> claims that <paramref name="jobs"/> no longer has are deleted.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<CronJobOptions> jobs, Func<string, bool> owns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(owns);
        var scheduler = await factory.GetScheduler(cancellationToken);
        var wanted = jobs.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(RecurringJob.Group), cancellationToken))
        {
            if (owns(key.Name) && !wanted.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, cancellationToken);
                logger.LogInformation("Recurring work {Work} is no longer scheduled", key.Name);
            }
        }

        foreach (var job in jobs)
        {
            if (await scheduler.GetTrigger(new TriggerKey(job.Name, RecurringJob.Group), cancellationToken) is ICronTrigger current
                && current.CronExpressionString == job.Cron
                && string.Equals(current.TimeZone.Id, TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone).Id, StringComparison.Ordinal))
            {
                continue;
            }

            await ScheduleAsync(scheduler, job, time, cancellationToken);
            logger.LogInformation("Recurring work {Work} scheduled on '{Cron}' ({TimeZone}) while the host runs", job.Work, job.Cron, job.TimeZone);
        }
    }
}
