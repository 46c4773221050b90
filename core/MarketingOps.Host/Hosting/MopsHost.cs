using MarketingOps.Core.Access;
using MarketingOps.Core.Accounts.Connecting;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Secrets;
using MarketingOps.Host.Cli.Resident;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Serilog;

namespace MarketingOps.Host.Hosting;

/// <summary>Builds the generic host of one client folder: configuration, Serilog, plugins and the engine's services.</summary>
internal static class MopsHost
{
    public static HostApplicationBuilder CreateBuilder(MopsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = options.Folder.Root,
            ApplicationName = "mops",
        });
        Configure(builder, options);
        return builder;
    }

    /// <summary>Adds the client's configuration and the engine to any host builder: the console host's or the web host's.</summary>
    public static void Configure(IHostApplicationBuilder builder, MopsHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Folder;
        builder.Configuration
            .AddClientSettings(folder)
            .AddInMemoryCollection(options.Settings);

        builder.Services.AddSerilog((_, logger) => Logging.Configure(logger, builder.Configuration, options));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(folder);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddSingleton(PluginsFileReader.Read(folder.PluginsFile));
        builder.Services.AddSingleton(_ => new ClientSecretStore(folder.Root));
        builder.Services.AddSingleton<ISecretStore>(sp => sp.GetRequiredService<ClientSecretStore>());
        // In the resident process, the folder's plugin contexts and trigger writer are kept between calls (none elsewhere).
        var kept = ResidentCache.Current?.For(folder);
        builder.Services.AddSingleton(sp => new PluginActivator(sp.GetRequiredService<ISecretStore>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>())
        {
            Contexts = kept?.Plugins,
        });
        builder.Services.AddSingleton(sp => new PluginManager(
            sp.GetRequiredService<PluginsFile>(),
            Cli.DisplayPath.Of(folder.PluginsFile),
            sp.GetRequiredService<PluginActivator>(),
            sp.GetRequiredService<ILogger<PluginManager>>(),
            options.WatchPlugins));
        builder.Services.AddSingleton<IPlatformRegistry>(sp => sp.GetRequiredService<PluginManager>());
        builder.Services.AddSingleton<IWorkflowCatalog>(sp => sp.GetRequiredService<PluginManager>());
        builder.Services.AddHostedService<PluginStartup>();
        // After plugin loading: the engine reconciles through the plugins before Quartz starts.
        builder.Services.AddMarketingOpsPublishing(builder.Configuration, folder.Root);
        if (kept is not null && options.Clock == TimeProvider.System && !builder.Configuration.GetSection("Quartz").Exists())
        {
            // Built from the same registration as the host's own; a demo clock or a Quartz section of mops.json builds its own.
            builder.Services.Replace(ServiceDescriptor.Singleton<ISchedulerFactory>(sp => new ResidentSchedulerFactory(kept, sp)));
        }

        builder.Services.AddMarketingOpsPublishingEngine();
        builder.Services.AddMarketingOpsGuardrailsAndInbox(builder.Configuration);
        builder.Services.AddMarketingOpsWorkflows();
        builder.Services.AddMarketingOpsExperiments(builder.Configuration);
        builder.Services.AddMarketingOpsScripting(folder.Root, builder.Configuration);
        builder.Services.AddMarketingOpsAccess(builder.Configuration);
        builder.Services.AddSingleton<AccountConnections>();
    }
}
