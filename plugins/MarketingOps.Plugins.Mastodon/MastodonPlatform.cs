using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Mastodon's REST API: idempotent publishes (Idempotency-Key), per-instance length limits, counters and deletes.</summary>
internal sealed partial class MastodonPlatform : IPlatform, IAccountConnector, IDisposable
{
    private static readonly string[] Visibilities = ["public", "unlisted", "private", "direct"];
    private static readonly TimeSpan MediaPollInterval = TimeSpan.FromSeconds(1);
    private const int MediaPolls = 30;

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, MastodonAccount> _accounts;
    private readonly ConcurrentDictionary<Uri, MastodonInstance> _instances = new();
    private readonly ISecretStore _secrets;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly MastodonConnector _connector;

    public MastodonPlatform(
        MastodonSettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _secrets = secrets;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.Mastodon");
        _services = MastodonHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(a => a.Name, a => new MastodonAccount(a), StringComparer.OrdinalIgnoreCase);
        _connector = new MastodonConnector(settings, _accounts, SendAsync, () => _http.CreateClient(MastodonHttpClients.Name), secrets, _redactor, clock);
    }

    public PlatformDescriptor Descriptor { get; } = MastodonDescriptor.Create();

    public AccountSignIn SignIn => AccountSignIn.Browser;

    public Task<Uri> BeginAuthorizationAsync(AuthorizationStart start, CancellationToken cancellationToken) => _connector.BeginAsync(start, cancellationToken);

    public Task<AccountConnection> CompleteAuthorizationAsync(AuthorizationCallback callback, CancellationToken cancellationToken) => _connector.CompleteAsync(callback, cancellationToken);

    public Task<AccountConnection> SignInWithPasswordAsync(PasswordSignIn signIn, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Mastodon accounts connect in a browser (OAuth 2.0), not with a password.");

    public AccountConnection DescribeConnection(string account) => _connector.Describe(account);

    public Task<AccountConnection> VerifyConnectionAsync(string account, CancellationToken cancellationToken) => _connector.VerifyAsync(account, cancellationToken);

    public DraftValidation Validate(PostDraft draft) => Validate(draft, MastodonInstance.Default);

    public async Task<DraftValidation> ValidateAsync(string account, PostDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return _accounts.TryGetValue(account, out var mastodon)
            ? Validate(draft, await InstanceAsync(mastodon, cancellationToken))
            : Validate(draft);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return Fail(request.Account, UnknownAccount(request.Account));
        }

        var instance = await InstanceAsync(account, cancellationToken);
        var validation = Validate(request.Draft, instance);
        if (!validation.IsValid)
        {
            return Fail(request.Account, PlatformErrors.Invalid(validation));
        }

        var mediaIds = new List<string>();
        foreach (var media in request.Draft.Media)
        {
            var (id, mediaError) = await UploadMediaAsync(account, media, cancellationToken);
            if (mediaError is not null)
            {
                return Fail(request.Account, mediaError);
            }

            mediaIds.Add(id!);
        }

        var draft = request.Draft;
        var body = new JsonObject();
        if (draft.Text.Length > 0 || mediaIds.Count == 0)
        {
            body["status"] = draft.Text;
        }

        if (mediaIds.Count > 0)
        {
            body["media_ids"] = new JsonArray([.. mediaIds.Select(id => JsonValue.Create(id))]);
        }

        // A thread part replies to the part before it (the host sets InReplyTo too, for plugins that predate threads).
        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } replyTo)
        {
            body["in_reply_to_id"] = replyTo;
        }

        foreach (var option in new[] { "visibility", "spoiler_text", "language" })
        {
            if (draft.Options.TryGetValue(option, out var value))
            {
                body[option] = value;
            }
        }

        if (draft.Options.TryGetValue("sensitive", out var sensitive))
        {
            body["sensitive"] = sensitive == "true";
        }

        // The host's key makes every attempt of this post within an hour one status on the instance (Mastodon keeps
        // keys for an hour, and the descriptor says so); later attempts are looked up by the host first.
        var json = body.ToJsonString();
        var (response, error) = await SendAsync(
            account,
            HttpMethod.Post,
            "api/v1/statuses",
            () => new StringContent(json, Encoding.UTF8, "application/json"),
            cancellationToken,
            r => r.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey));
        if (error is not null)
        {
            return Fail(request.Account, error);
        }

        if (!response!.IsSuccess)
        {
            return Fail(request.Account, MastodonErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        var post = ReadStatus(response.Body);
        if (post is null)
        {
            // It was created, but we cannot tell which status it is: the host looks it up.
            return Fail(request.Account, new PlatformError(PlatformErrorKind.Ambiguous, "Mastodon answered success without a status id."));
        }

        _logger.LogInformation("Published Mastodon status {PostId} for account {Account}", post.Id, request.Account);
        return PublishResult.Published(post);
    }

    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_accounts.TryGetValue(request.Account, out var account))
        {
            return LookupResult.Unknown(UnknownAccount(request.Account).Message);
        }

        if (account.AccountId is null)
        {
            var (me, meError) = await SendAsync(account, HttpMethod.Get, "api/v1/accounts/verify_credentials", null, cancellationToken);
            if (meError is not null || !me!.IsSuccess)
            {
                return LookupResult.Unknown((meError ?? MastodonErrors.FromResponse(me!.Status, me.Headers, me.Body, _clock.GetUtcNow(), _redactor)).Message);
            }

            using var meJson = JsonDocument.Parse(me.Body);
            account.AccountId = meJson.RootElement.GetProperty("id").GetString();
        }

        // Page back through the account's statuses, newest first, until one is older than the first attempt:
        // however many that is (a busy account can post more than a page between two attempts).
        var wanted = Comparable(request.Draft.Text);
        var since = request.FirstAttemptAt.AddMinutes(-2);
        string? maxId = null;
        while (true)
        {
            var page = $"api/v1/accounts/{Uri.EscapeDataString(account.AccountId!)}/statuses?limit=40&exclude_reblogs=true" + (maxId is null ? string.Empty : $"&max_id={Uri.EscapeDataString(maxId)}");
            var (response, error) = await SendAsync(account, HttpMethod.Get, page, null, cancellationToken);
            if (error is not null || !response!.IsSuccess)
            {
                return LookupResult.Unknown((error ?? MastodonErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor)).Message);
            }

            using var document = JsonDocument.Parse(response.Body);
            string? oldestId = null;
            var reachedFirstAttempt = false;
            foreach (var status in document.RootElement.EnumerateArray())
            {
                oldestId = status.TryGetProperty("id", out var id) ? id.GetString() : oldestId;
                var createdAt = status.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MaxValue;
                if (createdAt < since)
                {
                    reachedFirstAttempt = true;
                    break;
                }

                var content = status.TryGetProperty("content", out var html) ? html.GetString() ?? "" : "";
                if (Comparable(PlainText(content)) == wanted && ReadStatus(status.GetRawText()) is { } post)
                {
                    return LookupResult.Found(post);
                }
            }

            if (reachedFirstAttempt || oldestId is null)
            {
                return LookupResult.NotFound;
            }

            if (oldestId == maxId)
            {
                return LookupResult.Unknown($"Mastodon returned the same page of statuses twice (max_id {maxId}); the lookup cannot page further.");
            }

            maxId = oldestId;
        }
    }

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

    public async Task<PostUrlMatch> MatchPostUrlAsync(string account, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!_accounts.TryGetValue(account, out var mastodon))
        {
            return PostUrlMatch.Refused($"account '{account}' is not a Mastodon account of this client");
        }

        var (user, id, problem) = MastodonPostUrl.Read(mastodon, url);
        if (problem is not null)
        {
            return PostUrlMatch.Refused(problem);
        }

        if (mastodon.Username is null)
        {
            var (me, _) = await SendAsync(mastodon, HttpMethod.Get, "api/v1/accounts/verify_credentials", null, cancellationToken);
            if (me is { IsSuccess: true })
            {
                using var json = JsonDocument.Parse(me.Body);
                mastodon.AccountId ??= json.RootElement.TryGetProperty("id", out var meId) ? meId.GetString() : null;
                mastodon.Username = json.RootElement.TryGetProperty("username", out var name) ? name.GetString() : null;
            }
        }

        // Without an answer from the instance the user part cannot be checked; the instance and the path still are.
        return mastodon.Username is { } own && !string.Equals(own, user, StringComparison.OrdinalIgnoreCase)
            ? PostUrlMatch.Refused($"it is a status of @{user}, and account '{account}' is @{own}")
            : PostUrlMatch.Found(id!);
    }

    public async Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken)
    {
        if (!_accounts.TryGetValue(account, out var mastodon))
        {
            return new DeleteResult(UnknownAccount(account));
        }

        var (response, error) = await SendAsync(mastodon, HttpMethod.Delete, $"api/v1/statuses/{Uri.EscapeDataString(postId)}", null, cancellationToken);
        if (error is not null)
        {
            return new DeleteResult(error);
        }

        if (response!.IsSuccess || response.Status is 404 or 410)
        {
            _logger.LogInformation("Deleted Mastodon status {PostId} of account {Account}", postId, account);
            return DeleteResult.Deleted;
        }

        return new DeleteResult(MastodonErrors.FromResponse(response.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
    }

    public void Dispose() => _services.Dispose();

    private static DraftValidation Validate(PostDraft draft, MastodonInstance instance)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        var length = MastodonTextLength.Count(draft.Text, instance.CharactersReservedPerUrl);
        var spoiler = draft.Options.TryGetValue("spoiler_text", out var cw) ? MastodonTextLength.Count(cw, instance.CharactersReservedPerUrl) : 0;
        if (length + spoiler > instance.MaxCharacters)
        {
            var allows = instance.Fallback is { } why
                ? $"Mastodon's default of {instance.MaxCharacters} applies because {why}"
                : $"this instance allows {instance.MaxCharacters}";
            problems.Add($"The status counts {length + spoiler} characters (content warning included, URLs as {instance.CharactersReservedPerUrl}, mentions of other instances as @user); {allows}.");
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("A Mastodon status needs text or media.");
        }

        if (draft.Media.Count > instance.MaxMediaAttachments)
        {
            problems.Add($"This instance allows at most {instance.MaxMediaAttachments} attachments; this draft has {draft.Media.Count}.");
        }

        if (draft.Options.TryGetValue("visibility", out var visibility) && !Visibilities.Contains(visibility, StringComparer.Ordinal))
        {
            problems.Add($"visibility must be one of {string.Join(", ", Visibilities)}; '{visibility}' is not.");
        }

        if (draft.Options.TryGetValue("sensitive", out var sensitive) && sensitive is not ("true" or "false"))
        {
            problems.Add($"sensitive must be true or false; '{sensitive}' is not.");
        }

        if (draft.Options.TryGetValue("language", out var language) && !LanguageCode().IsMatch(language))
        {
            problems.Add($"language must be an ISO 639 code such as en or de; '{language}' is not.");
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The Mastodon plugin does not send direct messages.");
        }

        return new DraftValidation(length + spoiler, instance.MaxCharacters, problems);
    }

    /// <summary>The instance's limits from /api/v2/instance, read once per instance; Mastodon's defaults when it cannot be read.</summary>
    private async Task<MastodonInstance> InstanceAsync(MastodonAccount account, CancellationToken cancellationToken)
    {
        if (_instances.TryGetValue(account.InstanceUrl, out var known))
        {
            return known;
        }

        var (response, error) = await SendAsync(account, HttpMethod.Get, "api/v2/instance", null, cancellationToken, authenticate: false);
        if (response is not { IsSuccess: true })
        {
            // Not cached: the next check asks again, so a passing outage does not pin the default.
            var why = error?.Message ?? $"HTTP {response!.Status}";
            _logger.LogWarning("Mastodon instance {Instance} did not give its limits ({Reason}); Mastodon's defaults apply", account.InstanceUrl, why);
            return MastodonInstance.Default with { Fallback = $"{account.InstanceUrl.Authority} did not give its own limit (GET /api/v2/instance: {why})" };
        }

        using var document = JsonDocument.Parse(response.Body);
        var statuses = document.RootElement.TryGetProperty("configuration", out var configuration) && configuration.TryGetProperty("statuses", out var s) ? s : default;
        int Read(string name, int fallback) =>
            statuses.ValueKind == JsonValueKind.Object && statuses.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;
        var instance = new MastodonInstance(
            Read("max_characters", MastodonInstance.Default.MaxCharacters),
            Read("characters_reserved_per_url", MastodonInstance.Default.CharactersReservedPerUrl),
            Read("max_media_attachments", MastodonInstance.Default.MaxMediaAttachments));
        return _instances.GetOrAdd(account.InstanceUrl, instance);
    }

    private async Task<(string? Id, PlatformError? Error)> UploadMediaAsync(MastodonAccount account, MediaAttachment media, CancellationToken cancellationToken)
    {
        var (bytes, readError) = await MediaFile.ReadAsync(media, cancellationToken);
        if (readError is not null)
        {
            return (null, readError);
        }

        HttpContent Content()
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(media.ContentType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{MediaFile.SafeFileName(media.Path)}\"" };
            var multipart = new MultipartFormDataContent { file };
            if (media.AltText is { Length: > 0 } alt)
            {
                var description = new StringContent(alt);
                description.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"description\"" };
                multipart.Add(description);
            }

            return multipart;
        }

        var (response, error) = await SendAsync(account, HttpMethod.Post, "api/v2/media", Content, cancellationToken);
        if (error is not null || !response!.IsSuccess)
        {
            return (null, error ?? MastodonErrors.FromResponse(response!.Status, response.Headers, response.Body, _clock.GetUtcNow(), _redactor));
        }

        using var document = JsonDocument.Parse(response.Body);
        var id = document.RootElement.GetProperty("id").GetString()!;

        // 202: still processing; a status can attach it only once GET /api/v1/media/:id answers 200.
        for (var poll = 0; response is { Status: (int)HttpStatusCode.Accepted } && poll < MediaPolls; poll++)
        {
            await Task.Delay(MediaPollInterval, cancellationToken);
            (response, error) = await SendAsync(account, HttpMethod.Get, $"api/v1/media/{Uri.EscapeDataString(id)}", null, cancellationToken);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return response is { IsSuccess: true } && response.Status != (int)HttpStatusCode.Accepted
            ? (id, null)
            : (null, new PlatformError(PlatformErrorKind.Transient, $"Mastodon is still processing media {id}."));
    }

    private async Task<(MastodonResponse? Response, PlatformError? Error)> SendAsync(
        MastodonAccount account,
        HttpMethod method,
        string path,
        Func<HttpContent>? content,
        CancellationToken cancellationToken,
        Action<HttpRequestMessage>? decorate = null,
        bool authenticate = true)
    {
        var now = _clock.GetUtcNow();
        if (account.PausedUntil is { } paused && paused > now)
        {
            // X-RateLimit-Remaining said 0: sending now would only earn a 429.
            return (null, new PlatformError(PlatformErrorKind.RateLimited, $"Mastodon's rate limit for account '{account.Name}' is spent until {paused:u}.") { RetryAt = paused, Code = "429" });
        }

        using var request = new HttpRequestMessage(method, new Uri(account.InstanceUrl, path)) { Content = content?.Invoke() };
        if (authenticate)
        {
            var secretName = MastodonConnector.AccessTokenSecret(account.Name);
            var token = _secrets.GetSecret(secretName);
            _redactor.Remember(token);
            if (token is null)
            {
                return (null, new PlatformError(PlatformErrorKind.Unauthorized, $"Mastodon account '{account.Name}' has no access token: run `mops accounts connect {account.Name}` (it stores {secretName}).") { Code = "missing-credentials" });
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        decorate?.Invoke(request);
        try
        {
            using var response = await _http.CreateClient(MastodonHttpClients.Name).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            account.PausedUntil = MastodonErrors.Remaining(response.Headers) == 0 ? MastodonErrors.ResetAt(response.Headers) : null;
            return (new MastodonResponse((int)response.StatusCode, response.Headers, body), null);
        }
        catch (Exception e) when (NetworkFailure.Is(e, cancellationToken))
        {
            return (null, MastodonErrors.FromException(e, _redactor));
        }
    }

    private static PublishedPost? ReadStatus(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("id", out var id) || id.GetString() is not { } postId)
        {
            return null;
        }

        var url = root.TryGetProperty("url", out var u) && u.GetString() is { } link && Uri.TryCreate(link, UriKind.Absolute, out var parsed) ? parsed : null;
        var createdAt = root.TryGetProperty("created_at", out var c) && c.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue;
        return new PublishedPost(postId, url, createdAt);
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

    private static string PlainText(string html) =>
        WebUtility.HtmlDecode(TagPattern().Replace(BreakPattern().Replace(html, " "), ""));

    private static string Comparable(string text) => WhitespacePattern().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("Mastodon", "mastodon", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "Mastodon", account, error);

    [GeneratedRegex("<br ?/?>|</p><p>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex("^[a-z]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
