using Microsoft.Extensions.Logging;
using Quartz;

namespace MarketingOps.Core.Scheduling;

/// <summary>The host-owned job that runs one <see cref="IRecurringWork"/>; its data carries the work's name.</summary>
[DisallowConcurrentExecution]
internal sealed class RecurringJob : IJob
{
    public const string WorkKey = "work";
    public const string Group = "mops.recurring";

    private readonly IEnumerable<IRecurringWork> _work;
    private readonly IEnumerable<IRecurringWorkSource> _sources;
    private readonly ILogger<RecurringJob> _logger;

    public RecurringJob(IEnumerable<IRecurringWork> work, IEnumerable<IRecurringWorkSource> sources, ILogger<RecurringJob> logger)
    {
        _work = work;
        _sources = sources;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var name = context.MergedJobDataMap.TryGetValue(WorkKey, out var value) ? value as string : null;
        var work = _work.Concat(_sources.SelectMany(s => s.GetWork()).Select(s => s.Work))
            .FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
        if (work is null)
        {
            _logger.LogError("Recurring job {JobKey} names work '{Work}', which is not registered", context.JobDetail.Key, name);
            return;
        }

        try
        {
            await work.RunAsync(new RecurringRun(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.PreviousFireTimeUtc), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One round failing must not stop the schedule; the next round runs as planned.
            _logger.LogError(ex, "Recurring work {Work} failed; it runs again at its next time", work.Name);
        }
    }
}
