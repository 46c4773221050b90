using MarketingOps.Core.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the approval inbox.</summary>
public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IInbox"/>. The caller registers <see cref="IInboxStore"/> (see <see cref="AddInMemoryInboxStore"/>),
    /// <see cref="IInboxPublisher"/> (the post service) and, to allow unattended sends, an <see cref="IUnattendedPolicy"/>
    /// (default: nothing is sent unattended); guardrails come from <c>AddGuardrails</c>.
    /// </summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUnattendedPolicy>(UnattendedPolicy.None);
        services.TryAddSingleton<IInbox, InboxService>();
        return services;
    }

    /// <summary>Adds an in-memory inbox store: for tests and the demo, items are lost when the process ends.</summary>
    public static IServiceCollection AddInMemoryInboxStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IInboxStore, InMemoryInboxStore>();
        return services;
    }
}
