using MarketingOps.Core.Analytics;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Statistics;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Experiments;

/// <summary>Registers the experiments engine with the host's container.</summary>
public static class ExperimentsServiceCollectionExtensions
{
    /// <summary>The configuration section of the statistics engine's defaults.</summary>
    public const string StatisticsSection = "Statistics";

    /// <summary>When metrics are collected if <c>mops.json</c> says nothing: every 15 minutes.</summary>
    public const string DefaultMetricsCron = "0 0/15 * * * ?";

    /// <summary>
    /// Adds the experiment store (<c>experiments.db</c> beside the post store, or the PostgreSQL database when storage is configured there), the analyser, the service, the
    /// publishing port over <c>PostService</c>, and the metrics collector as the recurring work
    /// <c>experiment-metrics</c>. Needs <c>AddMarketingOpsPublishing</c> (post store, <c>PostService</c>, storage paths)
    /// and an <c>IPlatformRegistry</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsSection)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatisticsOptions>, StatisticsOptionsValidator>());
        // With PostgreSQL every host of a cluster must see the same experiments, so they live beside the posts.
        services.TryAddSingleton<IExperimentStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value is { Kind: StorageKind.Postgres } storage
            ? new PostgresExperimentStore(storage.ConnectionString!, sp.GetRequiredService<TimeProvider>())
            : new SqliteExperimentStore(DatabasePath(sp.GetRequiredService<StoragePaths>()), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => (IPostMetricsStore)sp.GetRequiredService<IExperimentStore>());
        services.TryAddSingleton<PostAnalytics>();
        services.TryAddSingleton<PostsReportService>();
        services.TryAddSingleton(sp => new ExperimentAnalyser(sp.GetRequiredService<IOptions<StatisticsOptions>>().Value));
        services.TryAddSingleton<IExperimentPublisher, PostServicePublisher>();
        services.TryAddSingleton<ExperimentService>();
        services.TryAddSingleton<ExperimentMetricsCollector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecurringWork, ExperimentMetricsCollector>(sp => sp.GetRequiredService<ExperimentMetricsCollector>()));

        // Metrics are collected every 15 minutes unless mops.json schedules the work itself.
        services.PostConfigure<SchedulingOptions>(scheduling =>
        {
            if (!scheduling.CronJobs.Exists(job => job.Work == ExperimentMetricsCollector.WorkName))
            {
                scheduling.CronJobs.Add(new CronJobOptions { Name = ExperimentMetricsCollector.WorkName, Cron = DefaultMetricsCron, Work = ExperimentMetricsCollector.WorkName });
            }
        });
        return services;
    }

    /// <summary>The experiment store's file: <c>experiments.db</c> in the folder of the post store.</summary>
    internal static string DatabasePath(StoragePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(Path.GetDirectoryName(paths.PostsDatabase)!, "experiments.db");
    }
}
