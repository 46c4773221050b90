namespace MarketingOps.Core.Scheduling;

/// <summary>Work a cron job runs (a workflow, metric collection); register implementations in the container.</summary>
public interface IRecurringWork
{
    /// <summary>The name <see cref="CronJobOptions.Work"/> refers to.</summary>
    string Name { get; }

    /// <summary>Does one round of the work.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Does one round of the work, knowing when it was due and when the previous round ran.</summary>
    Task RunAsync(RecurringRun run, CancellationToken cancellationToken) => RunAsync(cancellationToken);
}
