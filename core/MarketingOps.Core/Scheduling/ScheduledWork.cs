namespace MarketingOps.Core.Scheduling;

/// <summary>Recurring work with the cron job that runs it; <see cref="CronJobOptions.Work"/> is the work's name.</summary>
public sealed record ScheduledWork(CronJobOptions Job, IRecurringWork Work);
