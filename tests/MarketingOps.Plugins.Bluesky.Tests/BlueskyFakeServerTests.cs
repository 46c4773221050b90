using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>Failures a real PDS will not produce on demand: expired tokens, timeouts, rate limits.</summary>
public sealed class BlueskyFakeServerTests
{
    private const string Session = """{"did":"did:plc:abc","handle":"brand.test","accessJwt":"access-1","refreshJwt":"refresh-1"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshedWithRefreshSession_NotANewLogin()
    {
        using var pds = new RecordingHttpServer();
        pds.Handler = r => r.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => FakeResponse.Json(Session),
            "/xrpc/com.atproto.server.refreshSession" => FakeResponse.Json("""{"did":"did:plc:abc","handle":"brand.test","accessJwt":"access-2","refreshJwt":"refresh-2"}"""),
            "/xrpc/com.atproto.repo.createRecord" when r.Header("Authorization") == "Bearer access-1" => FakeResponse.Json("""{"error":"ExpiredToken","message":"Token has expired"}""", 400),
            "/xrpc/com.atproto.repo.createRecord" => FakeResponse.Json("""{"uri":"at://did:plc:abc/app.bsky.feed.post/3kabc","cid":"bafy"}"""),
            _ => FakeResponse.Json("""{"error":"NotFound","message":"no"}""", 404),
        };
        using var platform = BlueskyTestHarness.Create(pds.BaseUrl, "brand.test", "app-pass");

        var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("hello")), Token);

        Assert.Null(result.Error);
        Assert.Single(pds.Requests, r => r.Path.EndsWith("createSession", StringComparison.Ordinal));
        var refresh = Assert.Single(pds.Requests, r => r.Path.EndsWith("refreshSession", StringComparison.Ordinal));
        Assert.Equal("Bearer refresh-1", refresh.Header("Authorization"));
        Assert.Equal("Bearer access-2", pds.Requests[^1].Header("Authorization"));
    }

    [Fact]
    public async Task Timeout_IsTransient_BecauseARetryCannotDuplicate()
    {
        using var pds = new RecordingHttpServer();
        pds.Handler = r => r.Path switch
        {
            "/xrpc/com.atproto.server.createSession" => FakeResponse.Json(Session),
            "/xrpc/com.atproto.repo.createRecord" => FakeResponse.Json("{}") with { Delay = TimeSpan.FromSeconds(3) },
            _ => FakeResponse.Json("""{"error":"RecordNotFound","message":"Could not locate record"}""", 400),
        };
        using var platform = BlueskyTestHarness.Create(pds.BaseUrl, "brand.test", "app-pass", timeoutSeconds: 0.5);

        var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("slow")), Token);

        Assert.Equal(PlatformErrorKind.Transient, result.Error!.Kind);
        Assert.Equal(2, pds.Requests.Count(r => r.Path.EndsWith("createRecord", StringComparison.Ordinal))); // one bounded retry
        Assert.Contains(pds.Requests, r => r.Path.EndsWith("getRecord", StringComparison.Ordinal)); // checked before giving up
    }

    [Fact]
    public async Task RateLimited_CarriesRateLimitReset()
    {
        using var pds = new RecordingHttpServer();
        pds.Handler = r => r.Path.EndsWith("createSession", StringComparison.Ordinal)
            ? FakeResponse.Json(Session)
            : FakeResponse.Json("""{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""", 429) with
            {
                Headers = new Dictionary<string, string> { ["ratelimit-reset"] = "1795000000", ["ratelimit-remaining"] = "0" },
            };
        using var platform = BlueskyTestHarness.Create(pds.BaseUrl, "brand.test", "app-pass");

        var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("too many")), Token);

        Assert.Equal(PlatformErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), result.Error.RetryAt);
    }
}
