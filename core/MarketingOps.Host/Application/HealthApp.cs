using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using Quartz;

namespace MarketingOps.Host.Application;

/// <summary>What <c>/readyz</c> reports: store, scheduler and plugins, each in words.</summary>
internal sealed class HealthApp(IPostStore store, ISchedulerFactory schedulers, PluginManager plugins)
{
    public async Task<ReadinessView> ReadinessAsync(CancellationToken cancellationToken)
    {
        string storeState;
        var ready = true;
        try
        {
            await store.GetChangePositionAsync(cancellationToken);
            storeState = "ok";
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // The type only: a driver's message can carry a host name or user.
            storeState = "unreachable (" + ex.GetType().Name + ")";
            ready = false;
        }

        var status = await (await schedulers.GetScheduler(cancellationToken)).GetStatus(cancellationToken);
        var schedulerState = status == SchedulerStatus.Running ? "running" : status.ToString().ToLowerInvariant();
        ready &= status == SchedulerStatus.Running;

        var states = plugins.States;
        var active = states.Count(s => s.Status == PluginStatus.Active);
        var failed = states.Where(s => s.Status is PluginStatus.Malfunctioned or PluginStatus.NotSupported).Select(s => s.Id).ToList();
        var pluginState = failed.Count == 0 ? $"{active} active" : $"{active} active; failed: {string.Join(", ", failed)}";
        ready &= failed.Count == 0 && (active > 0 || states.Count == 0);
        return new ReadinessView(ready, storeState, schedulerState, pluginState);
    }
}
