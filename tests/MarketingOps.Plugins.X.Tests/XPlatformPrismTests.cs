using System.Text.Json;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.X.Tests;

/// <summary>Every request the X plugin sends goes through Prism, validated against X's own OpenAPI document.</summary>
public sealed class XPlatformPrismTests(XPrismFixture peers) : IClassFixture<XPrismFixture>, IDisposable
{
    private const string CreatedId = "1445880548472328192";
    private const double LookupTimeoutSeconds = 5;
    private readonly ViolationObserver _observer = new();
    private readonly List<string> _tempFiles = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_TextWithReplySettingsAndQuote_SendsASpecValidRequest()
    {
        var prism = Start(request => request.Path == "/2/tweets" ? Created() : NotFound());
        using var platform = XTestHarness.Create(prism, _observer);
        var draft = new PostDraft("Spring sale starts today 🌷 https://example.com/sale")
        {
            Options = new Dictionary<string, string> { ["reply_settings"] = "following", ["quote_tweet_id"] = "1346889436626259968" },
        };

        var result = await platform.PublishAsync(XTestHarness.Request(draft), Token);

        Assert.Null(result.Error);
        Assert.Equal(CreatedId, result.Post!.Id);
        Assert.Equal(new Uri($"https://x.com/acme/status/{CreatedId}"), result.Post.Url);
        var sent = Assert.Single(peers.Fake.Requests);
        Assert.Equal("POST", sent.Method);
        using var body = JsonDocument.Parse(sent.BodyText);
        Assert.Equal(draft.Text, body.RootElement.GetProperty("text").GetString());
        Assert.Equal("following", body.RootElement.GetProperty("reply_settings").GetString());
        Assert.Equal("1346889436626259968", body.RootElement.GetProperty("quote_tweet_id").GetString());
        Assert.Equal("Bearer user-access-token", sent.Header("Authorization"));
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_ReplyWithTwoImages_UploadsEachWithAltTextThenAttachesTheirIds()
    {
        var uploads = 0;
        var prism = Start(request => request.Path switch
        {
            "/2/media/upload" => FakeResponse.Json($$$"""{"data":{"id":"171000000000000000{{{++uploads}}}","media_key":"3_171000000000000000{{{uploads}}}","size":4,"expires_after_secs":86400}}"""),
            "/2/media/metadata" => FakeResponse.Json("""{"data":{"id":"1710000000000000001","associated_metadata":{}}}"""),
            "/2/tweets" => Created(),
            _ => NotFound(),
        });
        using var platform = XTestHarness.Create(prism, _observer);
        var draft = new PostDraft("Thanks for the question! Here is how it works.")
        {
            Kind = MessageKind.Reply,
            InReplyTo = "1346889436626259968",
            Media = [Image("a.png"), Image("b.png", "image/jpeg")],
        };

        var result = await platform.PublishAsync(XTestHarness.Request(draft), Token);

        Assert.Null(result.Error);
        var requests = peers.Fake.Requests;
        Assert.Equal(["/2/media/upload", "/2/media/metadata", "/2/media/upload", "/2/media/metadata", "/2/tweets"], requests.Select(r => r.Path));
        Assert.StartsWith("multipart/form-data", requests[0].Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("tweet_image", requests[0].BodyText, StringComparison.Ordinal);
        using (var alt = JsonDocument.Parse(requests[1].BodyText))
        {
            Assert.Equal("1710000000000000001", alt.RootElement.GetProperty("id").GetString());
            Assert.Equal("alt", alt.RootElement.GetProperty("metadata").GetProperty("alt_text").GetProperty("text").GetString());
        }

        using var body = JsonDocument.Parse(requests[4].BodyText);
        Assert.Equal(["1710000000000000001", "1710000000000000002"], body.RootElement.GetProperty("media").GetProperty("media_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("1346889436626259968", body.RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString());
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_OAuth2TokenExpired_RefreshesOnceAndSendsWithTheNewToken()
    {
        var prism = Start(request => request.Header("Authorization") == "Bearer fresh-token" ? Created() : Problem(401, "Unauthorized"));
        using var tokenServer = new RecordingHttpServer
        {
            Handler = _ => FakeResponse.Json("""{"token_type":"bearer","access_token":"fresh-token","refresh_token":"rotated-refresh","expires_in":7200}"""),
        };
        var secrets = new Dictionary<string, string>
        {
            ["x/acme/access-token"] = "stale-token",
            ["x/acme/refresh-token"] = "refresh-1",
            ["x/acme/client-id"] = "client-abc",
        };
        using var platform = XTestHarness.Create(
            prism,
            _observer,
            secrets,
            extraSettings: new() { ["oauth2TokenUrl"] = new Uri(tokenServer.BaseUrl, "2/oauth2/token").ToString() },
            accountSettings: new() { ["auth"] = "oauth2", ["userId"] = XTestHarness.UserId });

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("Hello from OAuth 2.0")), Token);

        Assert.Null(result.Error);
        Assert.Equal(["Bearer stale-token", "Bearer fresh-token"], peers.Fake.Requests.Select(r => r.Header("Authorization")));
        var refresh = Assert.Single(tokenServer.Requests);
        Assert.Contains("grant_type=refresh_token", refresh.BodyText, StringComparison.Ordinal);
        Assert.Contains("refresh_token=refresh-1", refresh.BodyText, StringComparison.Ordinal);
        Assert.Contains("client_id=client-abc", refresh.BodyText, StringComparison.Ordinal);
        _observer.AssertNoViolations(); // the 401 went through Prism too and met the spec
    }

    [Fact]
    public async Task Delete_SendsDeleteForTheId()
    {
        var prism = Start(request => request.Method == "DELETE" ? FakeResponse.Json("""{"data":{"deleted":true}}""") : NotFound());
        using var platform = XTestHarness.Create(prism, _observer);

        var result = await platform.DeleteAsync(XTestHarness.Account, CreatedId, Token);

        Assert.True(result.Succeeded);
        Assert.Equal($"/2/tweets/{CreatedId}", Assert.Single(peers.Fake.Requests).Path);
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Metrics_150Ids_AreFetchedInBatchesOf100_WithDeletedPostsMarked()
    {
        var ids = Enumerable.Range(1, 150).Select(i => (1_500_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var deleted = ids[120];
        var prism = Start(request =>
        {
            var requested = Uri.UnescapeDataString(request.Query.Split('&').Single(p => p.StartsWith("ids=", StringComparison.Ordinal))[4..]).Split(',');
            var data = requested.Where(id => id != deleted).Select(id =>
                $$$"""{"id":"{{{id}}}","text":"post {{{id}}}","public_metrics":{"repost_count":2,"reply_count":3,"like_count":5,"quote_count":1,"bookmark_count":0,"impression_count":100}}""");
            var errors = requested.Contains(deleted)
                ? $$""","errors":[{"type":"https://api.x.com/2/problems/resource-not-found","title":"Not Found Error","detail":"Could not find post with ids: [{{deleted}}].","resource_type":"tweet","resource_id":"{{deleted}}","parameter":"ids","value":"{{deleted}}"}]"""
                : "";
            return FakeResponse.Json($$"""{"data":[{{string.Join(',', data)}}]{{errors}}}""");
        });
        using var platform = XTestHarness.Create(prism, _observer);

        var metrics = await platform.GetMetricsAsync(XTestHarness.Account, ids, Token);

        Assert.Equal(2, peers.Fake.Requests.Count);
        Assert.Equal([100, 50], peers.Fake.Requests.Select(r => Uri.UnescapeDataString(r.Query).Split("ids=")[1].Split('&')[0].Split(',').Length));
        Assert.All(peers.Fake.Requests, r => Assert.Contains("post.fields=public_metrics", r.Query, StringComparison.Ordinal));
        Assert.Equal(ids, metrics.Select(m => m.PostId));
        Assert.Equal(MetricsStatus.Deleted, metrics[120].Status);
        var first = metrics[0];
        Assert.Equal(MetricsStatus.Available, first.Status);
        Assert.Equal(100, first.Counters[MetricNames.Impressions]);
        Assert.Equal(5, first.Counters[MetricNames.Likes]);
        Assert.Equal(2, first.Counters[MetricNames.Reposts]);
        Assert.Equal(3, first.Counters[MetricNames.Replies]);
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_RateLimited_ReportsTheResetTimeFromXRateLimitReset()
    {
        var prism = Start(_ => Problem(429, "Too Many Requests") with
        {
            Headers = new Dictionary<string, string> { ["x-rate-limit-reset"] = "1795000000", ["x-rate-limit-remaining"] = "0", ["x-rate-limit-limit"] = "100" },
        });
        using var platform = XTestHarness.Create(prism, _observer);

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("Too many")), Token);

        Assert.Equal(PlatformErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), result.Error.RetryAt);
        Assert.Single(peers.Fake.Requests); // not retried
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_DuplicateContent_IsRejectedWithCodeDuplicate()
    {
        var prism = Start(_ => Problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content."));
        using var platform = XTestHarness.Create(prism, _observer);

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("Same again")), Token);

        Assert.Equal(PlatformErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal("duplicate", result.Error.Code);
        Assert.Contains("duplicate", result.Error.Message, StringComparison.Ordinal);
        _observer.AssertNoViolations();
    }

    [Theory]
    [InlineData(401, PlatformErrorKind.Unauthorized)]
    [InlineData(403, PlatformErrorKind.Unauthorized)]
    [InlineData(400, PlatformErrorKind.Rejected)]
    [InlineData(503, PlatformErrorKind.Ambiguous)]
    public async Task Publish_ErrorStatus_MapsToTheRightKind(int status, PlatformErrorKind expected)
    {
        var prism = Start(_ => Problem(status, "Problem"));
        using var platform = XTestHarness.Create(prism, _observer);

        var result = await platform.PublishAsync(XTestHarness.Request(new PostDraft("Will fail")), Token);

        Assert.Equal(expected, result.Error!.Kind);
        Assert.Single(peers.Fake.Requests); // a POST /2/tweets is never retried
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_TimeoutAfterSending_IsAmbiguous_AndLookupFindsThePost()
    {
        var text = "Launch day & everything is ready https://example.com/launch";
        var prism = Start(request => request.Path switch
        {
            // X holds the POST far past the client's timeout; the reads get the same timeout, long enough for Prism on a busy machine.
            "/2/tweets" => Created() with { Delay = TimeSpan.FromSeconds(LookupTimeoutSeconds * 10) },
            "/2/users/2244994945/tweets" => FakeResponse.Json(
                $$$"""{"data":[{"id":"1","text":"older post","created_at":"2026-11-26T07:00:00.000Z"},{"id":"{{{CreatedId}}}","text":"Launch day &amp; everything is ready https://t.co/AbCdEf123","created_at":"2026-11-26T08:00:01.000Z"}],"meta":{"result_count":2}}"""),
            _ => NotFound(),
        });
        using var platform = XTestHarness.Create(prism, _observer, timeoutSeconds: LookupTimeoutSeconds);
        var request = XTestHarness.Request(new PostDraft(text));

        var result = await platform.PublishAsync(request, Token);
        var lookup = await platform.LookupAsync(request, Token);

        Assert.Equal(PlatformErrorKind.Ambiguous, result.Error!.Kind);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        Assert.Equal(CreatedId, lookup.Post!.Id);
        // A read may be retried once (reads are idempotent); each asks from two minutes before the first attempt.
        var searches = peers.Fake.Requests.Where(r => r.Path.EndsWith("/tweets", StringComparison.Ordinal) && r.Method == "GET").ToList();
        Assert.NotEmpty(searches);
        Assert.All(searches, search => Assert.Contains("start_time=2026-11-26T07%3A58%3A00Z", search.Query, StringComparison.Ordinal));
        Assert.Single(peers.Fake.Requests, r => r.Path == "/2/tweets"); // never resent blind
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Lookup_NoMatchingPost_IsNotFound()
    {
        var prism = Start(_ => FakeResponse.Json("""{"data":[{"id":"1","text":"something else"}],"meta":{"result_count":1}}"""));
        using var platform = XTestHarness.Create(prism, _observer);

        var lookup = await platform.LookupAsync(XTestHarness.Request(new PostDraft("never sent")), Token);

        Assert.Equal(LookupStatus.NotFound, lookup.Status);
        _observer.AssertNoViolations();
    }

    [Fact]
    public async Task Lookup_WithoutConfiguredUserId_ResolvesItThroughUsersMe()
    {
        var prism = Start(request => request.Path switch
        {
            "/2/users/me" => FakeResponse.Json("""{"data":{"id":"99","name":"Acme","username":"acme"}}"""),
            "/2/users/99/tweets" => FakeResponse.Json("""{"meta":{"result_count":0}}"""),
            _ => NotFound(),
        });
        using var platform = XTestHarness.Create(prism, _observer, accountSettings: new() { ["handle"] = "acme" });

        var lookup = await platform.LookupAsync(XTestHarness.Request(new PostDraft("nothing")), Token);

        Assert.Equal(LookupStatus.NotFound, lookup.Status);
        Assert.Equal(["/2/users/me", "/2/users/99/tweets"], peers.Fake.Requests.Select(r => r.Path));
        _observer.AssertNoViolations();
    }

    public void Dispose()
    {
        foreach (var file in _tempFiles)
        {
            File.Delete(file);
        }
    }

    private static FakeResponse Created() => FakeResponse.Json($$$"""{"data":{"id":"{{{CreatedId}}}","text":"ok"}}""", 201);

    private static FakeResponse NotFound() => Problem(404, "Not Found");

    // X's error body: the spec's Error shape (code, message) plus the problem fields X sends.
    private static FakeResponse Problem(int status, string title, string? detail = null) =>
        FakeResponse.Json($$"""{"code":{{status}},"message":"{{title}}","title":"{{title}}","detail":"{{detail ?? title}}","type":"about:blank","status":{{status}}}""", status);

    private Uri Start(Func<RecordedRequest, FakeResponse> handler)
    {
        var prism = peers.RequirePrism();
        peers.Fake.Clear();
        peers.Fake.Handler = handler;
        return prism;
    }

    private MediaAttachment Image(string name, string type = "image/png")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47]);
        _tempFiles.Add(path);
        return new MediaAttachment(path, type, "alt");
    }
}
