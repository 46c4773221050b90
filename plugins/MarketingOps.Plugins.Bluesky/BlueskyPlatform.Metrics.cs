using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    public async Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var results = new List<PostMetrics>();
        var client = _http.CreateClient(BlueskyHttpClients.Name);
        foreach (var batch in postIds.Chunk(Descriptor.Limits.MetricsBatchSize))
        {
            var query = string.Join('&', batch.Select(uri => "uris=" + Uri.EscapeDataString(uri)));
            var found = new Dictionary<string, PostMetrics>(StringComparer.Ordinal);
            try
            {
                using var response = await client.GetAsync(new Uri(_settings.AppViewUrl, "xrpc/app.bsky.feed.getPosts?" + query), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    ParseMetrics(body, found);
                }
                else
                {
                    _logger.LogWarning("Bluesky metrics for {Count} posts of account {Account} unavailable: {Status}", batch.Length, account, (int)response.StatusCode);
                }
            }
            catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
            {
                _logger.LogWarning("Bluesky metrics for {Count} posts of account {Account} unavailable: {Reason}", batch.Length, account, _redactor.Redact(e.Message));
            }

            results.AddRange(batch.Select(id => found.TryGetValue(id, out var m) ? m : new PostMetrics(id, MetricsStatus.Unavailable, new Dictionary<string, long>())));
        }

        return results;
    }

    private static void ParseMetrics(string body, Dictionary<string, PostMetrics> found)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("posts", out var posts) || posts.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var post in posts.EnumerateArray())
        {
            if (post.TryGetProperty("uri", out var uri) && uri.GetString() is { } id)
            {
                var counters = new Dictionary<string, long>();
                foreach (var (field, name) in new[] { ("likeCount", MetricNames.Likes), ("repostCount", MetricNames.Reposts), ("replyCount", MetricNames.Replies), ("quoteCount", MetricNames.Quotes) })
                {
                    if (post.TryGetProperty(field, out var value) && value.TryGetInt64(out var n))
                    {
                        counters[name] = n;
                    }
                }

                found[id] = new PostMetrics(id, MetricsStatus.Available, counters);
            }
        }
    }
}
