using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingOps.Plugins.Bluesky.RichText;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Bluesky over XRPC: one cached session per account, posts with facets under a record key derived from the idempotency key.</summary>
internal sealed class BlueskyPlatform : IPlatform, IAccountConnector, IDisposable
{
    private const string PostCollection = "app.bsky.feed.post";

    private readonly BlueskySettings _settings;
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, BlueskyAccount> _accounts;
    private readonly ISecretStore _secrets;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly BlueskyConnector _connector;

    public BlueskyPlatform(
        BlueskySettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _settings = settings;
        _secrets = secrets;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.Bluesky");
        _services = BlueskyHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(
            a => a.Name,
            a => new BlueskyAccount(a, a.Settings["serviceUrl"] is { Length: > 0 } own ? new Uri(own.TrimEnd('/') + "/") : settings.ServiceUrl),
            StringComparer.OrdinalIgnoreCase);
        _connector = new BlueskyConnector(_accounts, (account, method, nsid, content, bearer, token) => SendAsync(account, method, nsid, [], content, bearer, token), secrets, _redactor, clock);
    }

    public PlatformDescriptor Descriptor { get; } = BlueskyDescriptor.Create();

    public AccountSignIn SignIn => AccountSignIn.Password;

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) => _connector.SignInAsync(signIn, cancellationToken);

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Bluesky accounts connect with a handle and an app password, not in a browser.");

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Bluesky accounts connect with a handle and an app password, not in a browser.");

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        var graphemes = Graphemes.Count(draft.Text);
        if (graphemes > BlueskyDescriptor.MaxGraphemes)
        {
            problems.Add($"The text has {graphemes} characters; Bluesky allows {BlueskyDescriptor.MaxGraphemes}.");
        }

        if (Encoding.UTF8.GetByteCount(draft.Text) > 3000)
        {
            problems.Add("The text is longer than Bluesky's 3000 bytes.");
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("A Bluesky post needs text or media.");
        }

        if (draft.Media.Count > Descriptor.Limits.MaxMedia)
        {
            problems.Add($"Bluesky allows at most {Descriptor.Limits.MaxMedia} images per post; this draft has {draft.Media.Count}.");
        }

        if (draft.Media.Any(m => !m.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("The Bluesky plugin attaches images only.");
        }

        if (draft.Options.TryGetValue("langs", out var langs) && BlueskyLanguages.Problem(langs) is { } badLangs)
        {
            problems.Add(badLangs);
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The Bluesky plugin does not send direct messages.");
        }

        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } parent && AtUri.TryParse(parent) is null)
        {
            problems.Add($"'{parent}' is not an at:// post URI.");
        }

        return new DraftValidation(graphemes, BlueskyDescriptor.MaxGraphemes, problems);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = Validate(request.Draft);
        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var sessionError = await EnsureSessionAsync(account, cancellationToken);
        if (sessionError is not null)
        {
            return Fail(request.Account, sessionError);
        }

        var rkey = RecordKey.FromIdempotencyKey(request.IdempotencyKey, request.FirstAttemptAt);
        var (record, recordError) = await BuildRecordAsync(account, request.Draft, cancellationToken);
        if (recordError is not null)
        {
            return Fail(request.Account, recordError);
        }

        var body = new JsonObject
        {
            ["repo"] = account.Session!.Did,
            ["collection"] = PostCollection,
            ["rkey"] = rkey,
            ["record"] = record,
        };
        var (response, error) = await CallAsync(account, HttpMethod.Post, "com.atproto.repo.createRecord", [], body, cancellationToken);
        if (response is { IsSuccess: true })
        {
            var uri = ReadString(response.Body, "uri") ?? $"at://{account.Session.Did}/{PostCollection}/{rkey}";
            _logger.LogInformation("Published Bluesky post {PostUri} for account {Account}", uri, request.Account);
            return PublishResult.Published(new PublishedPost(uri, account.UrlOf(rkey), _clock.GetUtcNow()));
        }

        var failure = error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
        if (failure.Kind == PlatformErrorKind.Transient)
        {
            // The PDS answers 500 when the record key exists: an earlier attempt of this post got through.
            var existing = await GetPostAsync(account, rkey, cancellationToken);
            if (existing.Status == LookupStatus.Found)
            {
                _logger.LogInformation("Bluesky post {PostUri} of account {Account} already existed; not created twice", existing.Post!.Id, request.Account);
                return PublishResult.Published(existing.Post);
            }
        }

        return Fail(request.Account, failure);
    }

    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        if (await EnsureSessionAsync(account, cancellationToken) is { } sessionError)
        {
            return LookupResult.Unknown(sessionError.Message);
        }

        return await GetPostAsync(account, RecordKey.FromIdempotencyKey(request.IdempotencyKey, request.FirstAttemptAt), cancellationToken);
    }

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

    public async Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!_accounts.TryGetValue(account, out var bluesky))
        {
            return PostUrlMatch.Refused($"account '{account}' is not a Bluesky account of this client");
        }

        var (actor, rkey, problem) = BlueskyPostUrl.Read(url);
        if (problem is not null)
        {
            return PostUrlMatch.Refused(problem);
        }

        // The at:// URI names the repository by DID, which only a session knows for certain.
        if (await EnsureSessionAsync(bluesky, cancellationToken) is { } sessionError)
        {
            return PostUrlMatch.Refused($"the account's DID could not be read to check the address ({sessionError.Message})");
        }

        var session = bluesky.Session!;
        var ours = string.Equals(actor, session.Did, StringComparison.Ordinal)
            || string.Equals(actor, session.Handle, StringComparison.OrdinalIgnoreCase)
            || string.Equals(actor, bluesky.Identifier, StringComparison.OrdinalIgnoreCase);
        return ours
            ? PostUrlMatch.Found($"at://{session.Did}/{PostCollection}/{rkey}")
            : PostUrlMatch.Refused($"it is a post of {actor}, and account '{account}' is {session.Handle} ({session.Did})");
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        if (!_accounts.TryGetValue(account, out var bluesky))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        if (AtUri.TryParse(postId) is not { } uri)
        {
            return new DeleteResult(new PlatformError(PlatformErrorKind.Rejected, $"'{postId}' is not an at:// post URI.") { Code = "invalid" });
        }

        if (await EnsureSessionAsync(bluesky, cancellationToken) is { } sessionError)
        {
            return new DeleteResult(sessionError);
        }

        var body = new JsonObject { ["repo"] = bluesky.Session!.Did, ["collection"] = uri.Collection, ["rkey"] = uri.RecordKey };
        var (response, error) = await CallAsync(bluesky, HttpMethod.Post, "com.atproto.repo.deleteRecord", [], body, cancellationToken);
        if (response is { IsSuccess: true })
        {
            _logger.LogInformation("Deleted Bluesky post {PostUri} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }

    public void Dispose()
    {
        foreach (var account in _accounts.Values)
        {
            account.Dispose();
        }

        _services.Dispose();
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

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("Bluesky", "bluesky", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "Bluesky", account, error);

    private async Task<LookupResult> GetPostAsync(BlueskyAccount account, string rkey, CancellationToken cancellationToken)
    {
        var (response, error) = await CallAsync(
            account,
            HttpMethod.Get,
            "com.atproto.repo.getRecord",
            [new("repo", account.Session?.Did ?? ""), new("collection", PostCollection), new("rkey", rkey)],
            null,
            cancellationToken);
        if (response is { IsSuccess: true })
        {
            using var document = JsonDocument.Parse(response.Body);
            var uri = document.RootElement.GetProperty("uri").GetString()!;
            var createdAt = document.RootElement.TryGetProperty("value", out var value) && value.TryGetProperty("createdAt", out var c) && c.TryGetDateTimeOffset(out var at)
                ? at
                : _clock.GetUtcNow();
            return LookupResult.Found(new PublishedPost(uri, account.UrlOf(rkey), createdAt));
        }

        if (response is { Error: "RecordNotFound" })
        {
            return LookupResult.NotFound;
        }

        return LookupResult.Unknown((error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor)).Message);
    }

    private async Task<(JsonObject? Record, PlatformError? Error)> BuildRecordAsync(BlueskyAccount account, PostDraft draft, CancellationToken cancellationToken)
    {
        var record = new JsonObject
        {
            ["$type"] = PostCollection,
            ["text"] = draft.Text,
            ["createdAt"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };

        var facets = new JsonArray();
        foreach (var candidate in FacetDetector.Detect(draft.Text))
        {
            JsonObject? feature = candidate.Kind switch
            {
                FacetKind.Link => new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = candidate.Value },
                FacetKind.Tag => new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = candidate.Value },
                _ => await ResolveHandleAsync(account, candidate.Value, cancellationToken) is { } did
                    ? new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = did }
                    : null, // an unknown handle stays plain text
            };
            if (feature is not null)
            {
                facets.Add(new JsonObject
                {
                    ["index"] = new JsonObject { ["byteStart"] = candidate.ByteStart, ["byteEnd"] = candidate.ByteEnd },
                    ["features"] = new JsonArray(feature),
                });
            }
        }

        if (facets.Count > 0)
        {
            record["facets"] = facets;
        }

        if (draft.Options.TryGetValue("langs", out var langs))
        {
            record["langs"] = new JsonArray([.. BlueskyLanguages.Tags(langs).Select(l => JsonValue.Create(l))]);
        }

        // A thread part replies to the part before it; root and parent are strong references (uri and cid) read from
        // the parent's record, whose own root is the thread's first part.
        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } parentUri)
        {
            var (reply, replyError) = await ReplyRefAsync(account, parentUri, cancellationToken);
            if (replyError is not null)
            {
                return (null, replyError);
            }

            record["reply"] = reply;
        }

        if (draft.Media.Count > 0)
        {
            var images = new JsonArray();
            foreach (var media in draft.Media)
            {
                var (blob, blobError) = await UploadBlobAsync(account, media, cancellationToken);
                if (blobError is not null)
                {
                    return (null, blobError);
                }

                images.Add(new JsonObject { ["image"] = blob, ["alt"] = media.AltText ?? "" });
            }

            record["embed"] = new JsonObject { ["$type"] = "app.bsky.embed.images", ["images"] = images };
        }

        return (record, null);
    }

    private async Task<string?> ResolveHandleAsync(BlueskyAccount account, string handle, CancellationToken cancellationToken)
    {
        var (response, _) = await CallAsync(account, HttpMethod.Get, "com.atproto.identity.resolveHandle", [new("handle", handle)], null, cancellationToken);
        return response is { IsSuccess: true } ? ReadString(response.Body, "did") : null;
    }

    private async Task<(JsonObject? Reply, PlatformError? Error)> ReplyRefAsync(BlueskyAccount account, string parentUri, CancellationToken cancellationToken)
    {
        var parent = AtUri.TryParse(parentUri)!;
        var (response, error) = await CallAsync(
            account,
            HttpMethod.Get,
            "com.atproto.repo.getRecord",
            [new("repo", parent.Repo), new("collection", parent.Collection), new("rkey", parent.RecordKey)],
            null,
            cancellationToken);
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var parentRecord = JsonNode.Parse(response.Body)!;
        var parentRef = new JsonObject { ["uri"] = parentRecord["uri"]!.GetValue<string>(), ["cid"] = parentRecord["cid"]!.GetValue<string>() };
        var root = parentRecord["value"]?["reply"]?["root"]?.DeepClone() ?? parentRef.DeepClone();
        return (new JsonObject { ["root"] = root, ["parent"] = parentRef }, null);
    }

    private async Task<(JsonNode? Blob, PlatformError? Error)> UploadBlobAsync(BlueskyAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        var (response, error) = await CallAsync(account, HttpMethod.Post, "com.atproto.repo.uploadBlob", [], null, cancellationToken, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            return content;
        });
        if (response is not { IsSuccess: true })
        {
            return (null, error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        return (JsonNode.Parse(response.Body)?["blob"]?.DeepClone(), null);
    }

    /// <summary>Logs in once per account and keeps the session; later calls reuse it.</summary>
    private async Task<PlatformError?> EnsureSessionAsync(BlueskyAccount account, CancellationToken cancellationToken)
    {
        if (account.Session is not null)
        {
            return null;
        }

        await account.SessionGate.WaitAsync(cancellationToken);
        try
        {
            return account.Session is not null ? null : await CreateSessionAsync(account, cancellationToken);
        }
        finally
        {
            account.SessionGate.Release();
        }
    }

    private async Task<PlatformError?> CreateSessionAsync(BlueskyAccount account, CancellationToken cancellationToken)
    {
        var secretName = BlueskyConnector.PasswordSecret(account.Name);
        var password = _secrets.GetSecret(secretName);
        _redactor.Remember(password);
        if (_connector.LoginIdentifier(account) is not { } identifier || password is null)
        {
            return new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky account '{account.Name}' is not connected: run `mops accounts connect {account.Name}` (it needs a handle and the secret {secretName}).") { Code = "missing-credentials" };
        }

        var body = new JsonObject { ["identifier"] = identifier, ["password"] = password };
        var (response, error) = await SendAsync(account, HttpMethod.Post, "com.atproto.server.createSession", [], () => JsonContent(body), null, cancellationToken);
        if (response is not { IsSuccess: true })
        {
            return error ?? BlueskyErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
        }

        account.Session = BlueskySession.Parse(response.Body, _redactor);
        _logger.LogInformation("Logged in to Bluesky as account {Account}", account.Name);
        return account.Session is null ? new PlatformError(PlatformErrorKind.Transient, "Bluesky's createSession answered without a session.") : null;
    }

    private async Task<bool> RefreshSessionAsync(BlueskyAccount account, BlueskySession expired, CancellationToken cancellationToken)
    {
        await account.SessionGate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(account.Session, expired))
            {
                return account.Session is not null; // another call refreshed it already
            }

            var (response, _) = await SendAsync(account, HttpMethod.Post, "com.atproto.server.refreshSession", [], null, expired.RefreshJwt, cancellationToken);
            if (response is { IsSuccess: true } && BlueskySession.Parse(response.Body, _redactor) is { } refreshed)
            {
                account.Session = refreshed;
                _logger.LogInformation("Refreshed the Bluesky session of account {Account}", account.Name);
                return true;
            }

            // The refresh token expired too: log in again (rare; logins are rate-limited).
            account.Session = null;
            return await CreateSessionAsync(account, cancellationToken) is null;
        }
        finally
        {
            account.SessionGate.Release();
        }
    }

    /// <summary>An authenticated XRPC call on the account's PDS; an expired access token is refreshed once.</summary>
    private async Task<(XrpcResponse? Response, PlatformError? Error)> CallAsync(
        BlueskyAccount account,
        HttpMethod method,
        string nsid,
        IReadOnlyList<KeyValuePair<string, string>> query,
        JsonObject? body,
        CancellationToken cancellationToken,
        Func<HttpContent>? content = null)
    {
        content ??= body is null ? null : () => JsonContent(body);
        if (account.Session is not { } session)
        {
            return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky account '{account.Name}' has no session.") { Code = "no-session" });
        }

        var (response, error) = await SendAsync(account, method, nsid, query, content, session.AccessJwt, cancellationToken);
        if (response is { Status: 401 } or { Status: 400, Error: "ExpiredToken" or "InvalidToken" }
            && await RefreshSessionAsync(account, session, cancellationToken))
        {
            return await SendAsync(account, method, nsid, query, content, account.Session!.AccessJwt, cancellationToken);
        }

        return (response, error);
    }

    private async Task<(XrpcResponse? Response, PlatformError? Error)> SendAsync(
        BlueskyAccount account,
        HttpMethod method,
        string nsid,
        IReadOnlyList<KeyValuePair<string, string>> query,
        Func<HttpContent>? content,
        string? bearer,
        CancellationToken cancellationToken)
    {
        var url = new Uri(account.ServiceUrl, "xrpc/" + nsid + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))));
        using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        try
        {
            using var response = await _http.CreateClient(BlueskyHttpClients.Name).SendAsync(request, cancellationToken);
            return (new XrpcResponse((int)response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync(cancellationToken)), null);
        }
        catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
        {
            return (null, BlueskyErrors.FromException(e, _redactor));
        }
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
