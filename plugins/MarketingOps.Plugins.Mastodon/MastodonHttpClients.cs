using MarketingOps.Plugins.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>The plugin's own HttpClient factory: every call may be retried (publishes carry an Idempotency-Key).</summary>
internal static class MastodonHttpClients
{
    public const string Name = "mastodon";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    /// <param name="primary">The host's innermost handler (SDK 1.1), under every other handler.</param>
    public static ServiceProvider Build(MastodonSettings settings, Func<DelegatingHandler>? observer = null, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        ResilientHttpClients.AddRetryingClient(services, Name, settings.RequestTimeout, settings.Retries, response => (int)response.StatusCode >= 500, observer, primary);
        return services.BuildServiceProvider();
    }
}
