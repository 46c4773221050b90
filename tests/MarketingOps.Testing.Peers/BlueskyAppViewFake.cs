using System.Text.Json.Nodes;

namespace MarketingOps.Testing.Peers;

/// <summary>
/// The one app view call the Bluesky plugin makes, <c>app.bsky.feed.getPosts</c>, for a <see cref="RecordingHttpServer"/>:
/// the PDS peer runs no app view, so this one reads each post from the PDS itself (com.atproto.repo.getRecord) and answers
/// the posts that exist with zero counters, leaving out the rest; more than 25 URIs are refused with 400, as the app view does.
/// </summary>
public sealed class BlueskyAppViewFake(Uri pds) : IDisposable
{
    /// <summary>The most URIs one getPosts call takes (app.bsky.feed.getPosts lexicon).</summary>
    public const int MaxUris = 25;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public FakeResponse Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is not { Method: "GET", Path: "/xrpc/app.bsky.feed.getPosts" })
        {
            return FakeResponse.Json("""{"error":"MethodNotImplemented","message":"Method Not Implemented"}""", 501);
        }

        var uris = request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith("uris=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p["uris=".Length..]))
            .ToList();
        if (uris.Count > MaxUris)
        {
            return FakeResponse.Json($$"""{"error":"InvalidRequest","message":"Error: uris must not have more than {{MaxUris}} elements"}""", 400);
        }

        var posts = new JsonArray();
        foreach (var uri in uris)
        {
            if (Record(uri) is { } record)
            {
                posts.Add(new JsonObject
                {
                    ["uri"] = uri,
                    ["cid"] = record["cid"]?.DeepClone(),
                    ["author"] = new JsonObject { ["did"] = uri["at://".Length..].Split('/')[0], ["handle"] = "handle.invalid" },
                    ["record"] = record["value"]?.DeepClone(),
                    ["indexedAt"] = record["value"]?["createdAt"]?.DeepClone(),
                    ["likeCount"] = 0,
                    ["repostCount"] = 0,
                    ["replyCount"] = 0,
                    ["quoteCount"] = 0,
                });
            }
        }

        return FakeResponse.Json(new JsonObject { ["posts"] = posts }.ToJsonString());
    }

    public void Dispose() => _http.Dispose();

    private JsonNode? Record(string atUri)
    {
        var parts = atUri.StartsWith("at://", StringComparison.Ordinal) ? atUri["at://".Length..].Split('/') : [];
        if (parts.Length != 3)
        {
            return null;
        }

        // The fake server's handler is synchronous, so this read is too.
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(pds, $"xrpc/com.atproto.repo.getRecord?repo={Uri.EscapeDataString(parts[0])}&collection={Uri.EscapeDataString(parts[1])}&rkey={Uri.EscapeDataString(parts[2])}"));
        using var response = _http.Send(message);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var reader = new StreamReader(response.Content.ReadAsStream());
        return JsonNode.Parse(reader.ReadToEnd());
    }
}
