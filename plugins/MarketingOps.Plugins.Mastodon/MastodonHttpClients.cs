using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>The plugin's own HttpClient factory: every call may be retried (publishes carry an Idempotency-Key).</summary>
internal static class MastodonHttpClients
{
    public const string Name = "mastodon";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    public static ServiceProvider Build(MastodonSettings settings, Func<DelegatingHandler>? observer = null)
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
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutRejectedException } => true,
                        { Result: { } response } => (int)response.StatusCode >= 500,
                        _ => false,
                    }),
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
}
