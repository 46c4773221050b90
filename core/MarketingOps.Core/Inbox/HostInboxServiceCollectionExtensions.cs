using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers guardrails, the inbox and the automation report the way the host runs them.</summary>
public static class HostInboxServiceCollectionExtensions
{
    /// <summary>
    /// Guardrails bound to the <c>Guardrails</c> section of <c>mops.json</c>, reading history from the post store;
    /// the inbox and rejections in files beside the post store; approvals handed to the post service; the unattended
    /// policy from <c>plugins.json</c>. Call after <c>AddMarketingOpsPublishing</c>. Audience events are kept in memory for now.
    /// </summary>
    public static IServiceCollection AddMarketingOpsGuardrailsAndInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GuardrailOptions>().Bind(configuration.GetSection(GuardrailOptions.SectionName));
        services.TryAddSingleton<IMessageHistory, PostStoreMessageHistory>();
        services.TryAddSingleton<IAudienceHistory, InMemoryAudienceHistory>();
        services.TryAddSingleton<IGuardrailRejectionLog>(sp => new JsonLinesRejectionLog(DataFile(sp, "guardrail-rejections.jsonl")));
        services.TryAddSingleton<IInboxStore>(sp => new JsonFileInboxStore(DataFile(sp, "inbox.json")));
        services.TryAddSingleton<IInboxPublisher, PostServiceInboxPublisher>();
        services.TryAddSingleton<IUnattendedPolicy>(sp => UnattendedPolicy.FromPlugins(sp.GetRequiredService<PluginsFile>().Plugins));
        return services.AddGuardrails().AddInbox();
    }

    private static string DataFile(IServiceProvider services, string name) =>
        Path.Combine(Path.GetDirectoryName(services.GetRequiredService<StoragePaths>().PostsDatabase)!, name);
}
