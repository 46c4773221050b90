using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MarketingOps.Core.Access;

/// <summary>Registers users, tokens, the shared key ring and idempotency keys on the post store's database.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>Adds the access services; needs <c>AddMarketingOpsPublishing</c> (the store) first.</summary>
    public static IServiceCollection AddMarketingOpsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        services.TryAddSingleton(sp => new AccessSchema(sp.GetRequiredService<AdoPostStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AccessStore>();
        services.TryAddSingleton<AccessService>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<SqlXmlRepository>();
        return services;
    }
}
