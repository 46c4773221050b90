using MarketingOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MarketingOps.Core.Scheduling;

/// <summary>
/// Quartz on the client's store, as every host registers it; also how the resident mops process builds the standby
/// scheduler it keeps for a client folder, so both write the same triggers to the same schedule.
/// </summary>
internal static class QuartzStore
{
    /// <summary>Registers the scheduler factory for <paramref name="storage"/> and <paramref name="scheduling"/>.</summary>
    public static IServiceCollection AddQuartzStore(this IServiceCollection services, StorageOptions storage, SchedulingOptions scheduling, StoragePaths paths)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(scheduling);
        ArgumentNullException.ThrowIfNull(paths);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // Every node of a cluster must carry the same scheduler name.
                o.InstanceName = "mops";
                o.IdleWaitTime = scheduling.PollInterval;
            });
            q.UseDefaultThreadPool(scheduling.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                if (storage.Kind == StorageKind.Sqlite)
                {
                    store.UseSqlite($"Data Source={paths.ScheduleDatabase};Default Timeout={Math.Ceiling(storage.BusyTimeout.TotalSeconds)}");
                }
                else
                {
                    store.UsePostgres(storage.ConnectionString!);
                }

                store.ProvisionSchema();
                if (scheduling.Clustered)
                {
                    store.UseClustering(c => c.CheckinInterval = scheduling.ClusterCheckinInterval);
                }
            });
        });
        return services;
    }

    /// <summary>Everything <see cref="AddQuartzStore"/> reads, as one string: equal keys register equal schedulers.</summary>
    public static string Key(StorageOptions storage, SchedulingOptions scheduling, StoragePaths paths)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(scheduling);
        ArgumentNullException.ThrowIfNull(paths);
        return string.Join(
            '|',
            storage.Kind,
            storage.Kind == StorageKind.Sqlite ? paths.ScheduleDatabase : storage.ConnectionString,
            storage.BusyTimeout.Ticks,
            scheduling.PollInterval.Ticks,
            scheduling.MaxConcurrency,
            scheduling.Clustered,
            scheduling.ClusterCheckinInterval.Ticks);
    }
}
