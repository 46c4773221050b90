using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers guardrails, the inbox and the automation report the way the host runs them.</summary>
public static class HostInboxServiceCollectionExtensions
{
    /// <summary>
    /// The unattended policy from <c>plugins.json</c>. The pipeline (bound to the <c>Guardrails</c> section), the inbox
    /// and their tables come with <c>AddMarketingOpsPublishing</c>.
    /// </summary>
    public static IServiceCollection AddMarketingOpsGuardrailsAndInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Replace(ServiceDescriptor.Singleton<IUnattendedPolicy>(sp => UnattendedPolicy.FromPlugins(sp.GetRequiredService<PluginsFile>().Plugins)));
        return services.AddGuardrails().AddInbox();
    }
}
