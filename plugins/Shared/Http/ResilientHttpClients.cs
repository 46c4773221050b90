using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MarketingOps.Plugins.Shared;

/// <summary>Named HttpClients with a per-attempt timeout and, where the platform allows it, retries; each plugin decides
/// which of its calls may be repeated and which statuses are worth another attempt.</summary>
internal static class ResilientHttpClients
{
    /// <summary>A client that never retries: for calls that may have been applied when they fail. The observer (tests only)
    /// sees every attempt.</summary>
    public static IHttpClientBuilder AddClient(IServiceCollection services, string name, TimeSpan requestTimeout, Func<DelegatingHandler>? observer, Func<HttpMessageHandler>? primary = null) =>
        AddRetryingClient(services, name, requestTimeout, retries: 0, retryStatus: static _ => false, observer, primary);

    /// <summary>A client that retries network errors, timeouts and the responses <paramref name="retryStatus"/> picks, up to
    /// <paramref name="retries"/> times (0 turns retrying off). The observer (tests only) sees every attempt, inside the retries;
    /// the primary handler comes from the host (<c>IPluginRegistrar.CreateHttpMessageHandler</c>) so it sees the traffic too.</summary>
    public static IHttpClientBuilder AddRetryingClient(
        IServiceCollection services,
        string name,
        TimeSpan requestTimeout,
        int retries,
        Func<HttpResponseMessage, bool> retryStatus,
        Func<DelegatingHandler>? observer,
        Func<HttpMessageHandler>? primary = null)
    {
        // The resilience pipeline owns the timeout (per attempt), so HttpClient's own overall timeout is off.
        var client = services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(name, builder =>
        {
            if (retries > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = retries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(300),
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutRejectedException } => true,
                        { Result: { } response } => retryStatus(response),
                        _ => false,
                    }),
                });
            }

            builder.AddTimeout(requestTimeout);
        });
        if (observer is not null)
        {
            client.AddHttpMessageHandler(observer);
        }

        if (primary is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(primary);
        }

        return client;
    }
}
