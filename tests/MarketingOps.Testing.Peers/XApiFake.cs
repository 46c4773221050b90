using System.Globalization;
using System.Text.Json.Nodes;

namespace MarketingOps.Testing.Peers;

/// <summary>
/// X API v2 for one user, with state, for a <see cref="RecordingHttpServer"/> behind Prism: POST /2/tweets creates a
/// post (refusing the same text twice and a reply to a post that does not exist, as X does), the user's timeline lists
/// posts from <c>start_time</c> newest first with X's HTML-escaped text, GET /2/tweets reads at most 100 ids with their
/// public metrics and names the missing ones in <c>errors</c>, and DELETE removes a post. Every call needs the access
/// token (an OAuth 2.0 bearer, or an OAuth 1.0a header).
/// </summary>
public sealed class XApiFake(string accessToken, TimeProvider? clock = null)
{
    /// <summary>The user's id, as /2/users/me answers it.</summary>
    public const string UserId = "1600000000000000001";

    /// <summary>The user's handle.</summary>
    public const string Username = "conformance";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<(string Id, string Text, DateTimeOffset CreatedAt)> _posts = [];
    private long _lastId = 1_900_000_000_000_000_000;

    public FakeResponse Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Authorized(request.Header("Authorization")))
        {
            return Problem(401, "Unauthorized", "Unauthorized");
        }

        lock (_gate)
        {
            return (request.Method, request.Path) switch
            {
                ("POST", "/2/tweets") => Create(request.BodyText),
                ("GET", "/2/tweets") => Read(QueryValue(request.Query, "ids") ?? ""),
                ("GET", "/2/users/me") => FakeResponse.Json($$$"""{"data":{"id":"{{{UserId}}}","name":"Conformance","username":"{{{Username}}}"}}"""),
                ("GET", "/2/users/" + UserId + "/tweets") => Timeline(request.Query),
                ("DELETE", var path) when path.StartsWith("/2/tweets/", StringComparison.Ordinal) => Delete(path["/2/tweets/".Length..]),
                _ => Problem(404, "Not Found"),
            };
        }
    }

    private FakeResponse Create(string body)
    {
        var json = JsonNode.Parse(body)!;
        var text = json["text"]?.GetValue<string>() ?? "";
        if (_posts.Any(p => p.Text == text))
        {
            return Problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
        }

        if (json["reply"]?["in_reply_to_tweet_id"]?.GetValue<string>() is { } parent && _posts.All(p => p.Id != parent))
        {
            return Problem(403, "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.");
        }

        var id = (++_lastId).ToString(CultureInfo.InvariantCulture);
        _posts.Add((id, text, _clock.GetUtcNow()));
        return FakeResponse.Json(new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["text"] = text, ["edit_history_tweet_ids"] = new JsonArray(id) } }.ToJsonString(), 201);
    }

    private FakeResponse Read(string ids)
    {
        var asked = ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (asked.Length is < 1 or > 100)
        {
            return Problem(400, "Invalid Request", $"The number of values in the `ids` query parameter list [{asked.Length}] is not between 1 and 100");
        }

        var data = new JsonArray();
        var errors = new JsonArray();
        foreach (var id in asked)
        {
            if (_posts.FirstOrDefault(p => p.Id == id) is { Id: not null } post)
            {
                data.Add(new JsonObject
                {
                    ["id"] = post.Id,
                    ["text"] = Escaped(post.Text),
                    ["public_metrics"] = new JsonObject { ["repost_count"] = 0, ["reply_count"] = 0, ["like_count"] = 0, ["quote_count"] = 0, ["bookmark_count"] = 0, ["impression_count"] = 0 },
                });
            }
            else
            {
                errors.Add(new JsonObject
                {
                    ["type"] = "https://api.x.com/2/problems/resource-not-found",
                    ["title"] = "Not Found Error",
                    ["detail"] = $"Could not find post with ids: [{id}].",
                    ["resource_type"] = "tweet",
                    ["resource_id"] = id,
                    ["parameter"] = "ids",
                    ["value"] = id,
                });
            }
        }

        var answer = new JsonObject();
        if (data.Count > 0)
        {
            answer["data"] = data;
        }

        if (errors.Count > 0)
        {
            answer["errors"] = errors;
        }

        return FakeResponse.Json(answer.ToJsonString());
    }

    private FakeResponse Timeline(string query)
    {
        var since = QueryValue(query, "start_time") is { } start ? DateTimeOffset.Parse(start, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var max = QueryValue(query, "max_results") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : 10;
        if (max is < 5 or > 100)
        {
            return Problem(400, "Invalid Request", $"The `max_results` query parameter value [{max}] is not between 5 and 100");
        }

        var page = _posts.Where(p => p.CreatedAt >= since).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal).Take(max).ToList();
        if (page.Count == 0)
        {
            return FakeResponse.Json("""{"meta":{"result_count":0}}""");
        }

        var data = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = Escaped(p.Text),
            ["created_at"] = p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["edit_history_tweet_ids"] = new JsonArray(p.Id),
        })]);
        return FakeResponse.Json(new JsonObject
        {
            ["data"] = data,
            ["meta"] = new JsonObject { ["result_count"] = page.Count, ["newest_id"] = page[0].Id, ["oldest_id"] = page[^1].Id },
        }.ToJsonString());
    }

    private FakeResponse Delete(string id)
    {
        var removed = _posts.RemoveAll(p => p.Id == id) > 0;
        return FakeResponse.Json($$$"""{"data":{"deleted":{{{(removed ? "true" : "false")}}}}}""");
    }

    // An OAuth 2.0 user token, or an OAuth 1.0a header for the same access token (its signature is checked by the X
    // plugin's own tests against X's worked example, not here).
    private bool Authorized(string? header) =>
        header == $"Bearer {accessToken}"
        || (header is not null && header.StartsWith("OAuth ", StringComparison.Ordinal) && header.Contains($"oauth_token=\"{Uri.EscapeDataString(accessToken)}\"", StringComparison.Ordinal) && header.Contains("oauth_signature=", StringComparison.Ordinal));

    // X answers text with &, < and > escaped as HTML entities.
    private static string Escaped(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string? QueryValue(string query, string name) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && Uri.UnescapeDataString(p[0]) == name)
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' ')))
            .FirstOrDefault();

    // X's error body: the spec's Error shape (code, message) plus the problem fields X sends.
    private static FakeResponse Problem(int status, string title, string? detail = null) =>
        FakeResponse.Json(
            new JsonObject { ["code"] = status, ["message"] = title, ["title"] = title, ["detail"] = detail ?? title, ["type"] = "about:blank", ["status"] = status }.ToJsonString(),
            status);
}
