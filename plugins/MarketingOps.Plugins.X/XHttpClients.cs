using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace MarketingOps.Plugins.X;

/// <summary>The plugin's own HttpClient factory: reads retry on network errors and 5xx, writes never retry (X has no idempotency key).</summary>
internal static class XHttpClients
{
    public const string Reads = "x-reads";
    public const string Writes = "x-writes";

    /// <param name="settings">Timeouts and retries.</param>
    /// <param name="observer">Tests only: a handler that sees every attempt (inside the retries).</param>
    public static ServiceProvider Build(XSettings settings, Func<DelegatingHandler>? observer = null)
    {
        var services = new ServiceCollection();
        var reads = services.AddHttpClient(Reads, c => c.Timeout = Timeout.InfiniteTimeSpan);
        reads.AddResilienceHandler(Reads, builder =>
            {
                if (settings.ReadRetries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.ReadRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = TimeSpan.FromMilliseconds(300),
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                    });
                }

                builder.AddTimeout(settings.RequestTimeout);
            });
        var writes = services.AddHttpClient(Writes, c => c.Timeout = Timeout.InfiniteTimeSpan);
        writes.AddResilienceHandler(Writes, builder => builder.AddTimeout(settings.RequestTimeout));
        if (observer is not null)
        {
            reads.AddHttpMessageHandler(observer);
            writes.AddHttpMessageHandler(observer);
        }

        return services.BuildServiceProvider();
    }

    // 429 is not retried here: the host reschedules at the reset time the error carries.
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
