using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MarketingOps.Plugins.X.Auth;
using MarketingOps.Plugins.X.Text;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

/// <summary>X API v2: publish, reconcile, metrics and delete for the client's X accounts.</summary>
internal sealed partial class XPlatform : IPlatform, IAccountConnector, IDisposable
{
    private static readonly string[] ReplySettings = ["following", "mentionedUsers", "subscribers", "verified"];
    private static readonly string NotMeasured =
        $"X's length of this text could not be measured: its URL scan took over {TwitterTextPatterns.TimeoutMilliseconds / 1000} s (is the machine overloaded?). Nothing was sent; try again.";

    private readonly XSettings _settings;
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, XAccount> _accounts;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly XConnector _connector;

    public XPlatform(
        XSettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _settings = settings;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.X");
        _services = XHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(
            a => a.Name,
            a => new XAccount(a, new XAccountAuth(a, secrets, _redactor, clock)),
            StringComparer.OrdinalIgnoreCase);
        _connector = new XConnector(
            settings, _accounts, (account, token) => SendAsync(account, HttpMethod.Get, "2/users/me", [], null, isWrite: false, token), () => _http.CreateClient(XHttpClients.Writes), secrets, _redactor, clock);
        TwitterTextParser.WarmUp();
    }

    public PlatformDescriptor Descriptor { get; } = XDescriptor.Create();

    public AccountSignIn SignIn => AccountSignIn.Browser;

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) => _connector.BeginAsync(start);

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) => _connector.CompleteAsync(callback, cancellationToken);

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) =>
        throw new NotSupportedException("X accounts connect in a browser (OAuth 2.0), not with a password.");

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        TwitterTextParseResult parsed;
        try
        {
            parsed = TwitterTextParser.Parse(draft.Text, TwitterTextConfiguration.V3);
        }
        catch (RegexMatchTimeoutException)
        {
            // Never a guessed length: a URL counted at full length would refuse a valid post, or pass an invalid one.
            problems.Add(NotMeasured);
            return new DraftValidation(0, 280, problems);
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("An X post needs text or media.");
        }
        else if (!parsed.IsValid && !string.IsNullOrWhiteSpace(draft.Text))
        {
            problems.Add(parsed.WeightedLength > 280
                ? $"The text weighs {parsed.WeightedLength} of X's 280 (URLs count 23, CJK characters and emoji 2)."
                : "The text holds characters X does not accept (U+FFFE, U+FEFF or U+FFFF).");
        }

        if (draft.Media.Count > Descriptor.Limits.MaxMedia)
        {
            problems.Add($"X allows at most {Descriptor.Limits.MaxMedia} media per post; this draft has {draft.Media.Count}.");
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The X plugin does not send direct messages.");
        }

        if (draft.Kind == MessageKind.Reply && draft.InReplyTo is null)
        {
            problems.Add("A reply needs the id of the post it answers.");
        }

        if (draft.InReplyTo is { } replyTo && !PostIdPattern().IsMatch(replyTo))
        {
            problems.Add($"'{replyTo}' is not an X post id.");
        }

        if (draft.Options.TryGetValue("quote_tweet_id", out var quote) && !PostIdPattern().IsMatch(quote))
        {
            problems.Add($"quote_tweet_id '{quote}' is not an X post id.");
        }

        if (draft.Options.TryGetValue("reply_settings", out var replySettings) && !ReplySettings.Contains(replySettings, StringComparer.Ordinal))
        {
            problems.Add($"reply_settings must be one of {string.Join(", ", ReplySettings)}; '{replySettings}' is not.");
        }

        return new DraftValidation(parsed.WeightedLength, 280, problems);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = Validate(request.Draft);
        if (validation.Problems.Contains(NotMeasured))
        {
            // Nothing was sent, and the text may well be valid: try again later rather than fail the post.
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Transient, NotMeasured));
        }

        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var mediaIds = new List<string>();
        foreach (var media in request.Draft.Media)
        {
            var (mediaId, uploadError) = await UploadMediaAsync(account, media, cancellationToken);
            if (uploadError is not null)
            {
                return Fail(request.Account, uploadError);
            }

            mediaIds.Add(mediaId!);
        }

        var body = new JsonObject { ["text"] = request.Draft.Text };
        if (request.Draft.Options.TryGetValue("reply_settings", out var replySettings))
        {
            body["reply_settings"] = replySettings;
        }

        if (request.Draft.Options.TryGetValue("quote_tweet_id", out var quote))
        {
            body["quote_tweet_id"] = quote;
        }

        // A thread part replies to the part before it (the host sets InReplyTo too, for plugins that predate threads).
        if ((request.Draft.Thread?.ParentId ?? request.Draft.InReplyTo) is { } replyTo)
        {
            body["reply"] = new JsonObject { ["in_reply_to_tweet_id"] = replyTo };
        }

        if (mediaIds.Count > 0)
        {
            body["media"] = new JsonObject { ["media_ids"] = new JsonArray([.. mediaIds.Select(id => JsonValue.Create(id))]) };
        }

        // Never retried: X has no idempotency key, so a failure after sending is reported as ambiguous and reconciled.
        var json = body.ToJsonString();
        var (response, error) = await SendAsync(account, HttpMethod.Post, "2/tweets", [], () => new StringContent(json, Encoding.UTF8, "application/json"), isWrite: true, cancellationToken);
        if (error is not null)
        {
            return Fail(request.Account, error);
        }

        if (!response!.IsSuccess)
        {
            return Fail(request.Account, XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor, mayHaveApplied: true));
        }

        var id = ReadString(response.Body, "data", "id");
        if (id is null)
        {
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Ambiguous, "X answered success without a post id."));
        }

        _logger.LogInformation("Published X post {PostId} for account {Account}", id, request.Account);
        return PublishResult.Published(new PublishedPost(id, account.UrlOf(id), _clock.GetUtcNow()));
    }

    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        var userId = await ResolveUserIdAsync(account, cancellationToken);
        if (userId.Error is not null)
        {
            return LookupResult.Unknown(userId.Error.Message);
        }

        var since = request.FirstAttemptAt.AddMinutes(-2).ToUniversalTime();
        var (response, error) = await SendAsync(
            account,
            HttpMethod.Get,
            $"2/users/{Uri.EscapeDataString(userId.Id!)}/tweets",
            [new("max_results", "100"), new("start_time", since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), new("post.fields", "created_at")],
            null,
            isWrite: false,
            cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            var why = error ?? XErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor);
            return LookupResult.Unknown(why.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var wanted = Comparable(request.Draft.Text);
            if (document.RootElement.TryGetProperty("data", out var posts) && posts.ValueKind == JsonValueKind.Array)
            {
                foreach (var post in posts.EnumerateArray())
                {
                    if (post.TryGetProperty("text", out var text) && Comparable(text.GetString() ?? "") == wanted && post.TryGetProperty("id", out var id))
                    {
                        var createdAt = post.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : _clock.GetUtcNow();
                        _logger.LogInformation("Reconciled X post {PostId} for account {Account}", id.GetString(), request.Account);
                        return LookupResult.Found(new PublishedPost(id.GetString()!, account.UrlOf(id.GetString()!), createdAt));
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return LookupResult.Unknown(NotMeasured);
        }

        return LookupResult.NotFound;
    }

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

    public Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Task.FromResult(_accounts.TryGetValue(account, out var xAccount)
            ? XPostUrl.Match(xAccount, url)
            : PostUrlMatch.Refused($"account '{account}' is not an X account of this client"));
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        if (!_accounts.TryGetValue(account, out var xAccount))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        var (response, error) = await SendAsync(xAccount, HttpMethod.Delete, $"2/tweets/{Uri.EscapeDataString(postId)}", [], null, isWrite: true, cancellationToken);
        if (error is not null)
        {
            return new DeleteResult(error.Kind == PlatformErrorKind.Ambiguous ? error with { Kind = PlatformErrorKind.Transient } : error);
        }

        if (response!.IsSuccess || response.Status == HttpStatusCode.NotFound)
        {
            _logger.LogInformation("Deleted X post {PostId} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }

    public void Dispose()
    {
        foreach (var account in _accounts.Values)
        {
            account.Auth.Dispose();
        }

        _services.Dispose();
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

    // X returns text with links shortened to t.co and &, <, > escaped, so compare with URLs and entities neutralised.
    private static string Comparable(string text)
    {
        var decoded = TwitterTextParser.Nfc(WebUtility.HtmlDecode(text));
        var builder = new StringBuilder();
        var last = 0;
        foreach (var (start, length) in TwitterUrlExtractor.Extract(decoded))
        {
            builder.Append(decoded, last, start - last).Append("\u0001url\u0001");
            last = start + length;
        }

        builder.Append(decoded, last, decoded.Length - last);
        return WhitespacePattern().Replace(builder.ToString(), " ").Trim();
    }

    private static string? ReadString(string body, string property, string inner)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty(property, out var outer) && outer.ValueKind == JsonValueKind.Object
                && outer.TryGetProperty(inner, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("X", "x", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "X", account, error);

    private async Task<(string? Id, PlatformError? Error)> ResolveUserIdAsync(XAccount account, CancellationToken cancellationToken)
    {
        if (account.UserId is { } known)
        {
            return (known, null);
        }

        var (response, error) = await SendAsync(account, HttpMethod.Get, "2/users/me", [], null, isWrite: false, cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            return (null, error ?? XErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        account.UserId = ReadString(response.Body, "data", "id");
        return account.UserId is null
            ? (null, new PlatformError(PlatformErrorKind.Transient, "X's /2/users/me answered without a user id."))
            : (account.UserId, null);
    }

    private async Task<(string? Id, PlatformError? Error)> UploadMediaAsync(XAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        var category = media.ContentType switch
        {
            "image/gif" => "tweet_gif",
            var t when t.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => "tweet_video",
            _ => "tweet_image",
        };

        HttpContent Content()
        {
            // Quoted names and no filename*: RFC 7578's form, which strict multipart parsers insist on.
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media\"", FileName = $"\"{MediaFile.SafeFileName(media.Path)}\"" };
            var categoryPart = new StringContent(category);
            categoryPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media_category\"" };
            return new MultipartFormDataContent { file, categoryPart };
        }

        // An upload that fails creates no post, so even an ambiguous upload is reported as transient.
        var (response, error) = await SendAsync(account, HttpMethod.Post, "2/media/upload", [], Content, isWrite: false, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        if (!response!.IsSuccess)
        {
            return (null, XErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var id = ReadString(response.Body, "data", "id");
        if (id is null)
        {
            return (null, new PlatformError(PlatformErrorKind.Transient, "X's media upload answered without a media id."));
        }

        if (media.AltText is { Length: > 0 } alt)
        {
            var metadata = new JsonObject
            {
                ["id"] = id,
                ["metadata"] = new JsonObject { ["alt_text"] = new JsonObject { ["text"] = alt.Length <= 1000 ? alt : alt[..1000] } },
            }.ToJsonString();
            var (described, describeError) = await SendAsync(account, HttpMethod.Post, "2/media/metadata", [], () => new StringContent(metadata, Encoding.UTF8, "application/json"), isWrite: false, cancellationToken);
            if (describeError is not null || !described!.IsSuccess)
            {
                return (null, describeError ?? XErrors.FromResponse(described!.Status, described.Headers, described.Body, _clock.GetUtcNow(), _redactor));
            }
        }

        return (id, null);
    }

    /// <summary>Sends one request with the account's credentials; refreshes an OAuth 2.0 token once on 401.</summary>
    private async Task<(XResponse? Response, PlatformError? Error)> SendAsync(
        XAccount account,
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        Func<HttpContent>? content,
        bool isWrite,
        CancellationToken cancellationToken)
    {
        // Uploads are POSTs too, but never retried: only GETs use the retrying client.
        var client = _http.CreateClient(method == HttpMethod.Get ? XHttpClients.Reads : XHttpClients.Writes);
        var url = new Uri(_settings.ApiBaseUrl, path + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
            if (!account.Auth.TryAuthorize(request, query))
            {
                return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"X account '{account.Name}' is missing credentials; set the secrets {account.Auth.RequiredSecrets}.") { Code = "missing-credentials" });
            }

            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1 && account.Auth.IsOAuth2
                    && await account.Auth.TryRefreshAsync(_http.CreateClient(XHttpClients.Writes), _settings.OAuth2TokenUrl, cancellationToken))
                {
                    _logger.LogInformation("Refreshed the OAuth 2.0 token of X account {Account}", account.Name);
                    if (account.Auth.PersistProblem is { } problem)
                    {
                        _logger.LogWarning("X account {Account}: {Problem}", account.Name, problem);
                    }

                    continue; // a 401 means nothing was applied, so sending again is safe
                }

                return (new XResponse(response.StatusCode, response.Headers, body), null);
            }
            catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
            {
                return (null, XErrors.FromException(e, isWrite && path == "2/tweets", _redactor));
            }
        }
    }

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex PostIdPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
