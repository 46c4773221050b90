using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MarketingOps.Testing.Peers;

/// <summary>
/// A Mastodon instance with one account, with state, for a <see cref="RecordingHttpServer"/> behind Prism: POST
/// /api/v1/statuses creates a status and answers a repeat of its <c>Idempotency-Key</c> (within an hour) with that same
/// status, as Mastodon does; it refuses a text over the instance's 500 characters and a reply to an unknown status. The
/// account's statuses page back newest first by <c>max_id</c>; a status can be read and deleted. Every call but
/// /api/v2/instance needs the bearer token.
/// </summary>
/// <param name="dataDirectory">Holds the Mastodon OpenAPI document's examples: status.json, instance.json, credential-account.json.</param>
/// <param name="accessToken">The account's token.</param>
/// <param name="maxCharacters">The instance's own status length. The default value is that of instance.json (500, Mastodon's default).</param>
/// <param name="clock">Stamps statuses and ages idempotency keys. The default value is the system clock.</param>
public sealed class MastodonApiFake(string dataDirectory, string accessToken, int? maxCharacters = null, TimeProvider? clock = null)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _statuses = [];
    private readonly Dictionary<string, (string Status, DateTimeOffset At)> _keys = new(StringComparer.Ordinal);
    private long _lastId = 110_000_000_000_000_000;

    public FakeResponse Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is { Method: "GET", Path: "/api/v2/instance" })
        {
            return FakeResponse.Json(Instance().ToJsonString());
        }

        if (request.Header("Authorization") != $"Bearer {accessToken}")
        {
            return Error(401, "The access token is invalid");
        }

        var account = Load("credential-account.json");
        var accountId = account["id"]!.GetValue<string>();
        lock (_gate)
        {
            return (request.Method, request.Path) switch
            {
                ("POST", "/api/v1/statuses") => Create(request, account),
                ("GET", "/api/v1/accounts/verify_credentials") => FakeResponse.Json(account.ToJsonString()),
                ("GET", var path) when path == $"/api/v1/accounts/{accountId}/statuses" => Page(request.Query),
                ("GET", var path) when path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal) => Find(path["/api/v1/statuses/".Length..]) is { } status
                    ? FakeResponse.Json(status.ToJsonString())
                    : Error(404, "Record not found"),
                ("DELETE", var path) when path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal) => Delete(path["/api/v1/statuses/".Length..]),
                _ => Error(404, "Record not found"),
            };
        }
    }

    private FakeResponse Create(RecordedRequest request, JsonObject account)
    {
        var key = request.Header("Idempotency-Key");
        var now = _clock.GetUtcNow();
        if (key is not null && _keys.TryGetValue(key, out var earlier) && now - earlier.At < KeyLifetime)
        {
            return FakeResponse.Json(earlier.Status);
        }

        var body = JsonNode.Parse(request.BodyText)!;
        var text = body["status"]?.GetValue<string>() ?? "";
        if (text.Trim().Length == 0)
        {
            return Error(422, "Validation failed: Text can't be blank");
        }

        var limit = Instance()["configuration"]!["statuses"]!["max_characters"]!.GetValue<int>();
        if (text.EnumerateRunes().Count() > limit)
        {
            return Error(422, $"Validation failed: Text character limit of {limit} exceeded");
        }

        var replyTo = body["in_reply_to_id"]?.GetValue<string>();
        if (replyTo is not null && Find(replyTo) is null)
        {
            return Error(404, "Record not found");
        }

        var id = (++_lastId).ToString(CultureInfo.InvariantCulture);
        var username = account["username"]!.GetValue<string>();
        var status = Load("status.json");
        status["id"] = id;
        status["created_at"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        status["in_reply_to_id"] = replyTo;
        status["in_reply_to_account_id"] = replyTo is null ? null : account["id"]!.GetValue<string>();
        status["visibility"] = body["visibility"]?.GetValue<string>() ?? "public";
        status["spoiler_text"] = body["spoiler_text"]?.GetValue<string>() ?? "";
        status["uri"] = $"https://mastodon.example/users/{username}/statuses/{id}";
        status["url"] = $"https://mastodon.example/@{username}/{id}";
        status["content"] = "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br />", StringComparison.Ordinal) + "</p>";
        status["replies_count"] = 0;
        status["reblogs_count"] = 0;
        status["favourites_count"] = 0;
        status["quotes_count"] = 0;
        // The status's own account example, as the account that posted it (a CredentialAccount carries more than a status shows).
        status["account"]!["id"] = account["id"]!.GetValue<string>();
        status["account"]!["username"] = username;
        status["account"]!["acct"] = username;
        _statuses.Add(status);
        var json = status.ToJsonString();
        if (key is not null)
        {
            _keys[key] = (json, now);
        }

        return FakeResponse.Json(json);
    }

    private FakeResponse Page(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        var limit = values.TryGetValue("limit", out var l) ? Math.Clamp(int.Parse(l, CultureInfo.InvariantCulture), 1, 40) : 20;
        var maxId = values.TryGetValue("max_id", out var m) ? long.Parse(m, CultureInfo.InvariantCulture) : long.MaxValue;
        var page = _statuses.Select(s => (Id: long.Parse(s["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), Status: s))
            .Where(s => s.Id < maxId)
            .OrderByDescending(s => s.Id)
            .Take(limit)
            .Select(s => (JsonNode)s.Status.DeepClone());
        return FakeResponse.Json(new JsonArray([.. page]).ToJsonString());
    }

    private FakeResponse Delete(string id)
    {
        if (Find(id) is not { } status)
        {
            return Error(404, "Record not found");
        }

        _statuses.Remove(status);
        return FakeResponse.Json(status.ToJsonString());
    }

    private JsonObject? Find(string id) => _statuses.FirstOrDefault(s => s["id"]!.GetValue<string>() == id);

    private static FakeResponse Error(int status, string message) => FakeResponse.Json(new JsonObject { ["error"] = message }.ToJsonString(), status);

    private JsonObject Instance()
    {
        var instance = Load("instance.json");
        if (maxCharacters is { } own)
        {
            instance["configuration"]!["statuses"]!["max_characters"] = own;
        }

        return instance;
    }

    private JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(dataDirectory, name)))!.AsObject();
}
