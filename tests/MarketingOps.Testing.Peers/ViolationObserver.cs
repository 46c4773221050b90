using System.Collections.Concurrent;

namespace MarketingOps.Testing.Peers;

/// <summary>Sits inside a plugin's HttpClient and records every attempt, with Prism's <c>sl-violations</c> header.</summary>
public sealed class ViolationObserver
{
    private readonly ConcurrentQueue<ObservedExchange> _exchanges = new();

    /// <summary>Every attempt so far, oldest first.</summary>
    public IReadOnlyList<ObservedExchange> Exchanges => [.. _exchanges];

    /// <summary>A new handler for the plugin's HttpClient pipeline (one per client).</summary>
    public DelegatingHandler CreateHandler() => new Handler(_exchanges);

    /// <summary>Fails when any request got a 422 or any response carried <c>sl-violations</c>.</summary>
    public void AssertNoViolations()
    {
        var bad = Exchanges.Where(e => e.Status == 422 || e.Violations is not null).ToList();
        Xunit.Assert.True(
            bad.Count == 0,
            "Prism reported spec violations:\n" + string.Join("\n", bad.Select(e => $"{e.Method} {e.Url} -> {e.Status}: {e.Violations}")));
    }

    private sealed class Handler(ConcurrentQueue<ObservedExchange> exchanges) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
            exchanges.Enqueue(new ObservedExchange(request.Method.Method, request.RequestUri!, (int)response.StatusCode, violations));
            return response;
        }
    }
}
