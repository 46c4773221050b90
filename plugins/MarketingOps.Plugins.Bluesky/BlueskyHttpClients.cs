using System.Net;
using MarketingOps.Plugins.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>The plugin's own HttpClient factory. Every Bluesky call is safe to repeat (a post's record key is fixed), so
/// all retry on network errors and 502/503/504; a 500 is not retried because the PDS answers 500 to a record key that exists.</summary>
internal static class BlueskyHttpClients
{
    public const string Name = "bluesky";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    /// <param name="primary">The host's innermost handler (SDK 1.1), under every other handler.</param>
    public static ServiceProvider Build(BlueskySettings settings, Func<DelegatingHandler>? observer = null, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        ResilientHttpClients.AddRetryingClient(services, Name, settings.RequestTimeout, settings.Retries, IsRetryable, observer, primary);
        return services.BuildServiceProvider();
    }

    private static bool IsRetryable(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
