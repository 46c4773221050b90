using System.Text.Json;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>Every request the Mastodon plugin sends goes through Prism, validated against the Mastodon OpenAPI document.</summary>
public sealed class MastodonPlatformPrismTests(MastodonPrismFixture peers) : IClassFixture<MastodonPrismFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_WithVisibilitySpoilerAndLanguage_SendsTheIdempotencyKey()
    {
        var prism = Start(r => r.Path switch
        {
            "/api/v2/instance" => FakeResponse.Json(MastodonTestData.Instance()),
            "/api/v1/statuses" => FakeResponse.Json(MastodonTestData.Status("109000000000000001")),
            _ => MastodonTestData.Error(404, "Record not found"),
        });
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);
        var draft = new PostDraft("New release notes are out https://example.com/notes")
        {
            Options = new Dictionary<string, string> { ["visibility"] = "unlisted", ["spoiler_text"] = "release notes", ["language"] = "en" },
        };

        var result = await platform.PublishAsync(MastodonTestHarness.Request(draft, "mops-key-42"), Token);

        Assert.Null(result.Error);
        Assert.Equal("109000000000000001", result.Post!.Id);
        Assert.Equal(new Uri("https://mastodon.example/@brand/109000000000000001"), result.Post.Url);
        var sent = Assert.Single(peers.Fake.Requests, r => r.Path == "/api/v1/statuses");
        Assert.Equal("mops-key-42", sent.Header("Idempotency-Key"));
        Assert.Equal($"Bearer {MastodonTestHarness.Token}", sent.Header("Authorization"));
        using var body = JsonDocument.Parse(sent.BodyText);
        Assert.Equal(draft.Text, body.RootElement.GetProperty("status").GetString());
        Assert.Equal("unlisted", body.RootElement.GetProperty("visibility").GetString());
        Assert.Equal("release notes", body.RootElement.GetProperty("spoiler_text").GetString());
        Assert.Equal("en", body.RootElement.GetProperty("language").GetString());
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_WithMediaStillProcessing_WaitsThenAttachesIt()
    {
        var polls = 0;
        var prism = Start(r => r.Path switch
        {
            "/api/v2/instance" => FakeResponse.Json(MastodonTestData.Instance()),
            "/api/v2/media" => FakeResponse.Json(MastodonTestData.Media("22348641"), 202),
            "/api/v1/media/22348641" => FakeResponse.Json(MastodonTestData.Media("22348641"), ++polls == 1 ? 206 : 200),
            "/api/v1/statuses" => FakeResponse.Json(MastodonTestData.Status("109000000000000002")),
            _ => MastodonTestData.Error(404, "Record not found"),
        });
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);
        var image = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(image, [0x89, 0x50, 0x4E, 0x47], Token);
        try
        {
            // Media without text: the OpenAPI document's oneOf (TextStatus | MediaStatus | PollStatus) matches text plus
            // media twice and so refuses it; that combination is covered against the fake directly.
            var draft = new PostDraft("") { Media = [new MediaAttachment(image, "image/png", "a tiny image")] };

            var result = await platform.PublishAsync(MastodonTestHarness.Request(draft), Token);

            Assert.Null(result.Error);
            var upload = Assert.Single(peers.Fake.Requests, r => r.Path == "/api/v2/media");
            Assert.Contains("name=\"description\"", upload.BodyText, StringComparison.Ordinal);
            Assert.Contains("a tiny image", upload.BodyText, StringComparison.Ordinal);
            using var body = JsonDocument.Parse(peers.Fake.Requests.Single(r => r.Path == "/api/v1/statuses").BodyText);
            Assert.Equal("22348641", body.RootElement.GetProperty("media_ids")[0].GetString());
            observer.AssertNoViolations();
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public async Task Publish_LongerThanTheInstanceLimit_IsRefusedBeforeSending_UrlsCounting23()
    {
        var prism = Start(r => r.Path == "/api/v2/instance" ? FakeResponse.Json(MastodonTestData.Instance(maxCharacters: 100)) : MastodonTestData.Error(500, "unexpected"));
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);
        var url = "https://example.com/" + new string('a', 200); // counts 23
        var fits = new string('x', 100 - 24) + " " + url;

        var tooLong = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft(fits + "!")), Token);

        Assert.Equal(PlatformErrorKind.Rejected, tooLong.Error!.Kind);
        Assert.Contains("101", tooLong.Error.Message, StringComparison.Ordinal);
        Assert.Equal(["/api/v2/instance"], peers.Fake.Requests.Select(r => r.Path));
        observer.AssertNoViolations();
    }

    [Theory]
    [InlineData(300, 301, 300)]
    [InlineData(1000, 1001, 542)]
    public async Task ValidateAsync_UsesTheInstanceLimit_ReadOnce_CountingRemoteMentionsAsTheUserPart(int limit, int refused, int accepted)
    {
        var prism = Start(r => r.Path == "/api/v2/instance" ? FakeResponse.Json(MastodonTestData.Instance(maxCharacters: limit)) : MastodonTestData.Error(500, "unexpected"));
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);
        const string mention = "@ana@social.example.org "; // counts as "@ana " (5)
        string Text(int length) => mention + new string('x', length - 5);

        var tooLong = await platform.ValidateAsync(MastodonTestHarness.Account, new PostDraft(Text(refused)), Token);
        var fits = await platform.ValidateAsync(MastodonTestHarness.Account, new PostDraft(Text(accepted)), Token);

        Assert.Equal((refused, limit), (tooLong.Length, tooLong.MaxLength));
        Assert.Contains($"this instance allows {limit}", Assert.Single(tooLong.Problems), StringComparison.Ordinal);
        Assert.True(fits.IsValid, string.Join("; ", fits.Problems));
        Assert.Equal(accepted, fits.Length);
        Assert.Equal(["/api/v2/instance"], peers.Fake.Requests.Select(r => r.Path));
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task ValidateAsync_WithoutTheInstanceDocument_FallsBackTo500_AndSaysSo()
    {
        var prism = Start(r => MastodonTestData.Error(503, "Service Unavailable"));
        using var platform = MastodonTestHarness.Create(prism);

        var result = await platform.ValidateAsync(MastodonTestHarness.Account, new PostDraft(new string('x', 501)), Token);

        Assert.Equal(500, result.MaxLength);
        Assert.Contains("Mastodon's default of 500 applies because", Assert.Single(result.Problems), StringComparison.Ordinal);
        Assert.Contains("did not give its own limit (GET /api/v2/instance", result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ReadEachStatus_AndMarkDeletedOnes()
    {
        var prism = Start(r => r.Path switch
        {
            "/api/v1/statuses/2" => MastodonTestData.Error(404, "Record not found"),
            var p when p.StartsWith("/api/v1/statuses/", StringComparison.Ordinal) => FakeResponse.Json(MastodonTestData.Status(p[17..], favourites: 9, reblogs: 4, replies: 1)),
            _ => MastodonTestData.Error(404, "Record not found"),
        });
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);

        var metrics = await platform.GetMetricsAsync(MastodonTestHarness.Account, ["1", "2", "3"], Token);

        Assert.Equal(["1", "2", "3"], metrics.Select(m => m.PostId));
        Assert.Equal(MetricsStatus.Deleted, metrics[1].Status);
        Assert.Equal(9, metrics[0].Counters[MetricNames.Likes]);
        Assert.Equal(4, metrics[0].Counters[MetricNames.Reposts]);
        Assert.Equal(1, metrics[2].Counters[MetricNames.Replies]);
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task Delete_SendsDeleteForTheStatus()
    {
        var prism = Start(r => r.Method == "DELETE" ? FakeResponse.Json(MastodonTestData.Status("7")) : MastodonTestData.Error(404, "Record not found"));
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);

        var result = await platform.DeleteAsync(MastodonTestHarness.Account, "7", Token);

        Assert.True(result.Succeeded);
        Assert.Equal("/api/v1/statuses/7", Assert.Single(peers.Fake.Requests).Path);
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task Publish_RateLimited_UsesXRateLimitReset()
    {
        var prism = Start(r => r.Path == "/api/v2/instance"
            ? FakeResponse.Json(MastodonTestData.Instance())
            : MastodonTestData.Error(429, "Too many requests") with
            {
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "2026-11-26T09:15:00.000Z" },
            });
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);

        var result = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft("hello")), Token);

        Assert.Equal(PlatformErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T09:15:00Z", System.Globalization.CultureInfo.InvariantCulture), result.Error.RetryAt);
        observer.AssertNoViolations();
    }

    [Fact]
    public async Task SpentBudget_StopsTheNextRequestBeforeItIsSent()
    {
        var prism = Start(r => r.Path == "/api/v2/instance"
            ? FakeResponse.Json(MastodonTestData.Instance())
            : FakeResponse.Json(MastodonTestData.Status("11")) with
            {
                Headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "300", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "2099-01-01T00:00:00.000Z" },
            });
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);

        var first = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft("one"), "k1"), Token);
        var second = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft("two"), "k2"), Token);

        Assert.Null(first.Error);
        Assert.Equal(PlatformErrorKind.RateLimited, second.Error!.Kind);
        Assert.Single(peers.Fake.Requests, r => r.Path == "/api/v1/statuses");
        observer.AssertNoViolations();
    }

    [Theory]
    [InlineData(401, PlatformErrorKind.Unauthorized)]
    [InlineData(404, PlatformErrorKind.Rejected)]
    [InlineData(503, PlatformErrorKind.Ambiguous)]
    public async Task Publish_ErrorStatus_MapsToTheRightKind(int status, PlatformErrorKind expected)
    {
        var prism = Start(r => r.Path == "/api/v2/instance" ? FakeResponse.Json(MastodonTestData.Instance()) : MastodonTestData.Error(status, "Problem"));
        var observer = new ViolationObserver();
        using var platform = MastodonTestHarness.Create(prism, observer);

        var result = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft("hello"), "same-key"), Token);

        Assert.Equal(expected, result.Error!.Kind);
        var attempts = peers.Fake.Requests.Where(r => r.Path == "/api/v1/statuses").ToList();
        Assert.Equal(status >= 500 ? 2 : 1, attempts.Count); // 5xx retried once, safely: same Idempotency-Key
        Assert.All(attempts, a => Assert.Equal("same-key", a.Header("Idempotency-Key")));
        observer.AssertNoViolations();
    }

    private Uri Start(Func<RecordedRequest, FakeResponse> handler)
    {
        var prism = peers.RequirePrism();
        peers.Fake.Clear();
        peers.Fake.Handler = handler;
        return prism;
    }
}
