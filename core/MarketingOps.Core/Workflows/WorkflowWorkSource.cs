using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Workflows;

/// <summary>
/// Every enabled workflow of the active plugins as recurring work, on the schedule <c>plugins.json</c> sets for it
/// or else the workflow's own default, read in UTC.
/// </summary>
internal sealed class WorkflowWorkSource(
    IWorkflowCatalog catalog,
    IInbox inbox,
    IPlatformRegistry registry,
    IAudienceHistory audience,
    ILoggerFactory loggers,
    TimeProvider clock) : IRecurringWorkSource
{
    public IReadOnlyList<ScheduledWork> GetWork()
    {
        var work = new List<ScheduledWork>();
        foreach (var (entry, workflow) in catalog.Workflows)
        {
            var settings = entry.Workflows.GetValueOrDefault(workflow.Name);
            if (settings is { Enabled: false })
            {
                continue;
            }

            var name = WorkflowWork.NameOf(entry.Id, workflow.Name);
            var job = new CronJobOptions { Name = name, Cron = settings?.Schedule ?? workflow.DefaultSchedule, Work = name };
            work.Add(new ScheduledWork(job, new WorkflowWork(entry.Id, workflow.Name, catalog, inbox, registry, audience, loggers, clock)));
        }

        return work;
    }
}
