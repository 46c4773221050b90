using System.Net;
using MarketingOps.Plugins.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Plugins.X;

/// <summary>The plugin's own HttpClient factory: reads retry on network errors and 5xx, writes never retry (X has no idempotency key).</summary>
internal static class XHttpClients
{
    public const string Reads = "x-reads";
    public const string Writes = "x-writes";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    /// <param name="primary">The host's innermost handler (SDK 1.1), under every other handler.</param>
    public static ServiceProvider Build(XSettings settings, Func<DelegatingHandler>? observer = null, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        ResilientHttpClients.AddRetryingClient(services, Reads, settings.RequestTimeout, settings.ReadRetries, IsRetryable, observer, primary);
        // A POST /2/tweets that fails after sending may have created the post: never resend blind.
        ResilientHttpClients.AddClient(services, Writes, settings.RequestTimeout, observer, primary);
        return services.BuildServiceProvider();
    }

    // 429 is not retried here: the host reschedules at the reset time the error carries.
    private static bool IsRetryable(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
}
