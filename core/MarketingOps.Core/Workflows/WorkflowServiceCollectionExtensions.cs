using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the workflow runner.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Schedules every enabled workflow of the active plugins as a Quartz recurring job of the publishing engine (one
    /// run at a time per workflow). The caller registers an <c>IWorkflowCatalog</c> (the plugin manager).
    /// </summary>
    public static IServiceCollection AddMarketingOpsWorkflows(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecurringWorkSource, WorkflowWorkSource>());
        return services;
    }
}
