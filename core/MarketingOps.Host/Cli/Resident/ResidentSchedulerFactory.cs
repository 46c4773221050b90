using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SchedulingOptions = MarketingOps.Core.Scheduling.SchedulingOptions;

namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// A served call's scheduler factory: the client folder's kept standby scheduler, built once from the call's store and
/// scheduling settings (the same registration as a host's own) and used again while those are the same and the
/// schedule's database is the same file. Writing a trigger then costs a call the write, not building Quartz.
/// </summary>
internal sealed class ResidentSchedulerFactory(ClientCache client, IServiceProvider services) : ISchedulerFactory
{
    public async ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var storage = StorageOptions.From(configuration);
        var scheduling = configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var paths = services.GetRequiredService<StoragePaths>();
        var key = QuartzStore.Key(storage, scheduling, paths) + "|" + DatabaseIdentity(storage, paths);
        return await client.SchedulerAsync(key, async ct =>
        {
            var container = new ServiceCollection();
            container.AddLogging();
            container.AddQuartzStore(storage, scheduling, paths);
            var provider = container.BuildServiceProvider();
            try
            {
                return new KeptScheduler(key, provider, await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(ct));
            }
            catch
            {
                await provider.DisposeAsync();
                throw;
            }
        }, cancellationToken);
    }

    public async ValueTask<IScheduler?> LookupScheduler(string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await GetScheduler(cancellationToken);
        return string.Equals(scheduler.SchedulerName, name, StringComparison.OrdinalIgnoreCase) ? scheduler : null;
    }

    public async ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) =>
        [await GetScheduler(cancellationToken)];

    // Quartz provisions its tables when it builds a scheduler: a SQLite schedule that is missing or empty (its folder
    // deleted, or made again) gets a scheduler built for it, every time until it has them. One that another process made
    // in the meantime was provisioned by that process, and the kept scheduler opens it by its path like the old one.
    private static string DatabaseIdentity(StorageOptions storage, StoragePaths paths)
    {
        if (storage.Kind != StorageKind.Sqlite)
        {
            return "";
        }

        var file = new FileInfo(paths.ScheduleDatabase);
        return file.Exists && file.Length > 0 ? "present" : "missing " + Guid.NewGuid().ToString("N");
    }
}
