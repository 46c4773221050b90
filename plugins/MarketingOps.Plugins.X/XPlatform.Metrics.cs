using System.Text.Json;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    public async Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var results = new List<PostMetrics>();
        if (!_accounts.TryGetValue(account, out var xAccount))
        {
            return [.. postIds.Select(Unavailable)];
        }

        foreach (var batch in postIds.Chunk(Descriptor.Limits.MetricsBatchSize))
        {
            var (response, error) = await SendAsync(
                xAccount,
                HttpMethod.Get,
                "2/tweets",
                [new("ids", string.Join(',', batch)), new("post.fields", "public_metrics")],
                null,
                isWrite: false,
                cancellationToken);
            if (error is not null || !response!.IsSuccess)
            {
                var why = error ?? XErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
                _logger.LogWarning("X metrics for {Count} posts of account {Account} unavailable: {Reason}", batch.Length, account, why.Message);
                results.AddRange(batch.Select(Unavailable));
                continue;
            }

            results.AddRange(ParseMetrics(response.Body, batch));
        }

        return results;
    }

    private static PostMetrics Unavailable(string id) => new(id, MetricsStatus.Unavailable, new Dictionary<string, long>());

    private static List<PostMetrics> ParseMetrics(string body, IReadOnlyList<string> batch)
    {
        var found = new Dictionary<string, PostMetrics>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("data", out var posts) && posts.ValueKind == JsonValueKind.Array)
        {
            foreach (var post in posts.EnumerateArray())
            {
                if (post.TryGetProperty("id", out var id) && id.GetString() is { } postId)
                {
                    var counters = new Dictionary<string, long>();
                    if (post.TryGetProperty("public_metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object)
                    {
                        Add(counters, metrics, "impression_count", MetricNames.Impressions);
                        Add(counters, metrics, "like_count", MetricNames.Likes);
                        Add(counters, metrics, "retweet_count", MetricNames.Reposts);
                        Add(counters, metrics, "repost_count", MetricNames.Reposts); // the name in X's current OpenAPI document
                        Add(counters, metrics, "reply_count", MetricNames.Replies);
                        Add(counters, metrics, "quote_count", MetricNames.Quotes);
                        Add(counters, metrics, "bookmark_count", "bookmarks");
                    }

                    found[postId] = new PostMetrics(postId, MetricsStatus.Available, counters);
                }
            }
        }

        if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var problem in errors.EnumerateArray())
            {
                var resourceId = problem.TryGetProperty("resource_id", out var r) ? r.GetString() : problem.TryGetProperty("value", out var v) ? v.GetString() : null;
                var type = problem.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                if (resourceId is not null && type.EndsWith("resource-not-found", StringComparison.Ordinal))
                {
                    found[resourceId] = new PostMetrics(resourceId, MetricsStatus.Deleted, new Dictionary<string, long>());
                }
            }
        }

        return [.. batch.Select(id => found.TryGetValue(id, out var m) ? m : Unavailable(id))];
    }

    private static void Add(Dictionary<string, long> counters, JsonElement metrics, string field, string name)
    {
        if (metrics.TryGetProperty(field, out var value) && value.TryGetInt64(out var n))
        {
            counters[name] = n;
        }
    }
}
