using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// A standby Quartz scheduler (never started: it only writes and reads triggers) with the small container it was built
/// in, which lives as long as it does; the calls' own hosts come and go around it.
/// </summary>
internal sealed class KeptScheduler(string key, ServiceProvider services, IScheduler scheduler) : IDisposable
{
    /// <summary>What it was built from: the store and the scheduling settings.</summary>
    public string Key { get; } = key;

    public IScheduler Scheduler { get; } = scheduler;

    public void Dispose()
    {
        Scheduler.Shutdown(waitForJobsToComplete: false).AsTask().GetAwaiter().GetResult();
        services.Dispose();
    }
}
