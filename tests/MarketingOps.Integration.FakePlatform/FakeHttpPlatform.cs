using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MarketingOps.Sdk;

namespace MarketingOps.Integration.FakePlatform;

/// <summary>
/// Maps the fake's HTTP answers onto the SDK's error classes the way a real plugin maps a real API's:
/// 503 → Transient (the fake promises nothing was created), 429 + Retry-After → RateLimited, 409 (the record key
/// exists) → look it up and report it published, as the Bluesky plugin does, other 4xx → Rejected, no answer in
/// time → Ambiguous. Lookups: 200 → Found, 404 → NotFound, anything else → Unknown.
/// </summary>
internal sealed class FakeHttpPlatform : IPlatform, IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    public FakeHttpPlatform(string id, Uri baseAddress, TimeSpan timeout, RepeatProtection? protection, TimeProvider clock)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _timeout = timeout;
        _clock = clock;
        Descriptor = new PlatformDescriptor(id, "Fake HTTP network", PlatformCapabilities.Replies, new PlatformLimits { MaxTextLength = 500 }) { RepeatProtection = protection };
    }

    public PlatformDescriptor Descriptor { get; }

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var length = new StringInfo(draft.Text).LengthInTextElements;
        return new DraftValidation(length, 500, length > 500 ? [$"The text is {length} characters long; at most 500."] : []);
    }

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http.PostAsJsonAsync(
                "publish",
                new { account = request.Account, key = request.IdempotencyKey, text = request.Draft.Text, attempt = request.Attempt, inReplyTo = request.Draft.InReplyTo, root = request.Draft.Thread?.RootId },
                deadline.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var created = await response.Content.ReadFromJsonAsync<Created>(deadline.Token);
                    return PublishResult.Published(new PublishedPost(created!.Id, new Uri(created.Url), _clock.GetUtcNow()));
                case HttpStatusCode.TooManyRequests:
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    return PublishResult.Failed(new PlatformError(PlatformErrorKind.RateLimited, "429 Too Many Requests") { RetryAt = _clock.GetUtcNow() + wait });
                case HttpStatusCode.Conflict:
                    var existing = await LookupAsync(request, cancellationToken);
                    return existing.Post is { } post
                        ? PublishResult.Published(post)
                        : PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, "409: the record key exists, but the lookup did not find it"));
                case HttpStatusCode.ServiceUnavailable:
                    return PublishResult.Failed(new PlatformError(PlatformErrorKind.Transient, "503 Service Unavailable"));
                default:
                    return PublishResult.Failed(new PlatformError(
                        (int)response.StatusCode is >= 400 and < 500 ? PlatformErrorKind.Rejected : PlatformErrorKind.Ambiguous,
                        $"{(int)response.StatusCode} {response.ReasonPhrase}"));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, $"no answer within {_timeout.TotalMilliseconds} ms"));
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Transient, "connection refused"));
        }
        catch (HttpRequestException ex)
        {
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, ex.Message));
        }
    }

    public async Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http.GetAsync($"lookup?key={Uri.EscapeDataString(request.IdempotencyKey)}", deadline.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return LookupResult.NotFound;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return LookupResult.Unknown($"lookup answered {(int)response.StatusCode}");
            }

            var created = await response.Content.ReadFromJsonAsync<Created>(deadline.Token);
            return LookupResult.Found(new PublishedPost(created!.Id, new Uri(created.Url), _clock.GetUtcNow()));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return LookupResult.Unknown(ex.Message);
        }
    }

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostMetrics>>([]);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);

    public void Dispose() => _http.Dispose();

    private sealed record Created(string Id, string Url);
}
