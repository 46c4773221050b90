using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Workflows;

/// <summary>
/// Runs one plugin's workflow as recurring work. The workflow is looked up at each run, so a reloaded plugin's new
/// instance runs; its proposals go to the inbox under the source <c>plugin/workflow</c>, never to the network.
/// </summary>
internal sealed class WorkflowWork(
    string pluginId,
    string workflowName,
    IWorkflowCatalog catalog,
    IInbox inbox,
    IPlatformRegistry registry,
    IAudienceHistory audience,
    ILoggerFactory loggers,
    TimeProvider clock) : IRecurringWork
{
    // Accounts already reported as skipped, so the log says it once, not at every run.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _skipped = new(StringComparer.OrdinalIgnoreCase);

    public string Source => UnattendedPolicy.SourceOf(pluginId, workflowName);

    public string Name => NameOf(pluginId, workflowName);

    public static string NameOf(string pluginId, string workflowName) => "workflow:" + UnattendedPolicy.SourceOf(pluginId, workflowName);

    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(new RecurringRun(clock.GetUtcNow(), null), cancellationToken);

    public async Task RunAsync(RecurringRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var logger = loggers.CreateLogger("MarketingOps.Workflows." + Source);
        var workflow = catalog.Workflows
            .Where(w => string.Equals(w.Entry.Id, pluginId, StringComparison.OrdinalIgnoreCase) && string.Equals(w.Workflow.Name, workflowName, StringComparison.Ordinal))
            .Select(w => w.Workflow)
            .FirstOrDefault();
        if (workflow is null)
        {
            logger.LogWarning("Workflow {Source} is not active any more (its plugin was unloaded or failed); this run is skipped", Source);
            return;
        }

        SayOnceWhichAccountsAreSkipped(logger);
        var context = new InboxWorkflowContext(Source, inbox, registry, audience, clock, logger, run.ScheduledAt, run.PreviousRunAt);
        logger.LogInformation("Workflow {Source} runs for {ScheduledAt:O}", Source, run.ScheduledAt);
        await workflow.RunAsync(context, cancellationToken);
    }

    private void SayOnceWhichAccountsAreSkipped(ILogger logger)
    {
        foreach (var account in registry.Accounts)
        {
            if (registry.FindPlatform(account.Platform) is not null)
            {
                // Active again: a later outage is reported again.
                _skipped.TryRemove(account.Name, out _);
            }
            else if (_skipped.TryAdd(account.Name, 0))
            {
                logger.LogWarning("Workflow {Source} does not run for account {Account}: its platform '{Platform}' is not active (`mops plugins list` says why)", Source, account.Name, account.Platform);
            }
        }
    }
}
