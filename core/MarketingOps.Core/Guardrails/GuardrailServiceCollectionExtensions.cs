using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Reporting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the guardrail pipeline.</summary>
public static class GuardrailServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IGuardrails"/> and the automation report with validated <see cref="GuardrailOptions"/> (checked at start).
    /// The caller registers the stores it reads: <see cref="IMessageHistory"/>, <see cref="IAudienceHistory"/>,
    /// <see cref="IGuardrailRejectionLog"/> (see <see cref="AddInMemoryGuardrailStores"/>), and the platform registry.
    /// </summary>
    public static IServiceCollection AddGuardrails(this IServiceCollection services, Action<GuardrailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GuardrailOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuardrailOptions>, GuardrailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGuardrails, GuardrailPipeline>();
        services.TryAddSingleton<IAutomationReport, AutomationReportBuilder>();
        return services;
    }

    /// <summary>Adds in-memory guardrail stores: for tests and the demo, everything is lost when the process ends.</summary>
    public static IServiceCollection AddInMemoryGuardrailStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InMemoryMessageHistory>();
        services.TryAddSingleton<IMessageHistory>(sp => sp.GetRequiredService<InMemoryMessageHistory>());
        services.TryAddSingleton<InMemoryAudienceHistory>();
        services.TryAddSingleton<IAudienceHistory>(sp => sp.GetRequiredService<InMemoryAudienceHistory>());
        services.TryAddSingleton<InMemoryGuardrailRejectionLog>();
        services.TryAddSingleton<IGuardrailRejectionLog>(sp => sp.GetRequiredService<InMemoryGuardrailRejectionLog>());
        return services;
    }
}
