using MarketingOps.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Links;

/// <summary>Registers link tagging, short links and their clicks on the post store's database.</summary>
public static class LinkServiceCollectionExtensions
{
    /// <summary>Adds the <c>Links</c> settings (validated at start), the rewriter the post service uses, the link store and the redirects; needs the post store.</summary>
    public static IServiceCollection AddMarketingOpsLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>());
        services.TryAddSingleton(sp => new LinkSchema(sp.GetRequiredService<AdoPostStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LinkStore>();
        services.TryAddSingleton<LinkRewriter>();
        services.TryAddSingleton<PostLinkRewriting>();
        services.TryAddSingleton<UserAgentClassifier>();
        services.TryAddSingleton<LinkRedirects>();
        return services;
    }
}
