using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>The plugin's own HttpClient factory. Every Bluesky call is safe to repeat (a post's record key is fixed), so
/// all retry on network errors and 502/503/504; a 500 is not retried because the PDS answers 500 to a record key that exists.</summary>
internal static class BlueskyHttpClients
{
    public const string Name = "bluesky";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    public static ServiceProvider Build(BlueskySettings settings, Func<DelegatingHandler>? observer = null)
    {
        var services = new ServiceCollection();
        var client = services.AddHttpClient(Name, c => c.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(Name, builder =>
        {
            if (settings.Retries > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(300),
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                });
            }

            builder.AddTimeout(settings.RequestTimeout);
        });
        if (observer is not null)
        {
            client.AddHttpMessageHandler(observer);
        }

        return services.BuildServiceProvider();
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
