using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing.Holds;
using MarketingOps.Core.Publishing.Recovery;
using MarketingOps.Core.Publishing.Retries;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = MarketingOps.Core.Scheduling.SchedulingOptions;

namespace MarketingOps.Core.Publishing;

/// <summary>Registers storage, scheduling and publishing with the host's container.</summary>
public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the post store, Quartz on the same kind of database, the publishing pipeline and <c>PostService</c>,
    /// reading the <c>Storage</c>, <c>Scheduling</c>, <c>Publishing</c> and <c>Guardrails</c> sections; every CLI command can use these.
    /// The guardrails and the approval inbox come with them (nothing is scheduled or sent without them), their history,
    /// rejections, audience events and items in tables of the same database; nothing is sent unattended unless an
    /// <see cref="IUnattendedPolicy"/> says so. The host must also register an <c>IPlatformRegistry</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsPublishing(this IServiceCollection services, IConfiguration configuration, string clientFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>());

        // Quartz is configured at registration time, so it reads the same sections directly; the validators above
        // still run at start and list every problem.
        var storage = StorageOptions.From(configuration);
        var scheduling = configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var paths = StoragePaths.For(clientFolder, storage);
        services.AddSingleton(paths);
        services.TryAddSingleton<ExclusiveStoreLock>();
        services.AddSingleton(sp => AdoPostStore.Create(storage, paths, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPostStore>(sp => sp.GetRequiredService<AdoPostStore>());

        services.TryAddSingleton<IMessageHistory, PostStoreMessageHistory>();
        services.TryAddSingleton<IAudienceHistory, SqlAudienceHistory>();
        services.TryAddSingleton<IGuardrailRejectionLog, SqlRejectionLog>();
        services.TryAddSingleton<IInboxStore, SqlInboxStore>();
        services.TryAddSingleton<IInboxPublisher, PostServiceInboxPublisher>();
        // The inbox hands approved items to PostService, which holds posts in the inbox: resolved on first use.
        services.TryAddSingleton(sp => new Lazy<IInbox>(sp.GetRequiredService<IInbox>));
        services.AddOptions<GuardrailOptions>().Bind(configuration.GetSection(GuardrailOptions.SectionName));
        services.AddGuardrails().AddInbox();

        services.TryAddSingleton<HostInstance>();
        services.TryAddSingleton<AccountGate>();
        services.TryAddSingleton<AccountHolds>();
        services.TryAddSingleton<RetryBackoff>();
        services.TryAddSingleton<PlatformCalls>();
        services.TryAddSingleton<PublishExecutor>();
        services.TryAddSingleton<SqlHostLeases>();
        services.TryAddSingleton<IHostLeases>(sp => sp.GetRequiredService<SqlHostLeases>());
        services.TryAddSingleton<PublishingRecovery>();
        services.TryAddSingleton<IPublishScheduler, QuartzPublishScheduler>();
        services.TryAddSingleton<PostService>();
        services.AddMarketingOpsLinks(configuration);
        services.TryAddTransient<PublishJob>();
        services.TryAddTransient<RecurringJob>();

        services.AddQuartzStore(storage, scheduling, paths);
        return services;
    }

    /// <summary>Adds the engine <c>mops run</c> needs: lock, migrate, recover, then start Quartz. Register it after plugin loading.</summary>
    public static IServiceCollection AddMarketingOpsPublishingEngine(this IServiceCollection services)
    {
        services.AddHostedService<SchedulerHostedService>();
        services.TryAddSingleton<RecurringSchedule>();
        return services;
    }
}
