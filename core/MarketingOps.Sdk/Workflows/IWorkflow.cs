namespace MarketingOps.Sdk;

/// <summary>Recurring work the host runs on a cron schedule, such as drafting follow-ups for a human to approve.</summary>
public interface IWorkflow
{
    /// <summary>The workflow's name, unique within its plugin.</summary>
    string Name { get; }

    /// <summary>The Quartz cron expression used when <c>plugins.json</c> sets none.</summary>
    string DefaultSchedule { get; }

    /// <summary>Runs once; the host never runs two instances of one workflow at the same time.</summary>
    Task RunAsync(IWorkflowContext context, CancellationToken cancellationToken);
}
