using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon;

internal sealed partial class MastodonPlatform
{
    public async Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var results = new List<PostMetrics>();
        _accounts.TryGetValue(account, out var mastodon);
        foreach (var id in postIds)
        {
            if (mastodon is null)
            {
                results.Add(new PostMetrics(id, MetricsStatus.Unavailable, new Dictionary<string, long>()));
                continue;
            }

            var (response, error) = await SendAsync(mastodon, HttpMethod.Get, $"api/v1/statuses/{Uri.EscapeDataString(id)}", null, cancellationToken);
            if (response is { Status: 404 or 410 })
            {
                results.Add(new PostMetrics(id, MetricsStatus.Deleted, new Dictionary<string, long>()));
            }
            else if (error is not null || !response!.IsSuccess)
            {
                var why = error ?? MastodonErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
                _logger.LogWarning("Mastodon metrics for status {PostId} of account {Account} unavailable: {Reason}", id, account, why.Message);
                results.Add(new PostMetrics(id, MetricsStatus.Unavailable, new Dictionary<string, long>()));
            }
            else
            {
                results.Add(new PostMetrics(id, MetricsStatus.Available, ReadCounters(response.Body)));
            }
        }

        return results;
    }

    private static Dictionary<string, long> ReadCounters(string body)
    {
        using var document = JsonDocument.Parse(body);
        var counters = new Dictionary<string, long>();
        foreach (var (field, name) in new[] { ("favourites_count", MetricNames.Likes), ("reblogs_count", MetricNames.Reposts), ("replies_count", MetricNames.Replies), ("quotes_count", MetricNames.Quotes) })
        {
            if (document.RootElement.TryGetProperty(field, out var value) && value.TryGetInt64(out var n))
            {
                counters[name] = n;
            }
        }

        return counters;
    }
}
