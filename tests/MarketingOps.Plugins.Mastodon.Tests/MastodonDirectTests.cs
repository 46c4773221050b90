using System.Text.Json;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Mastodon.Tests;

/// <summary>What Prism cannot check: text plus media (the document's oneOf refuses it), lookups, counting rules.</summary>
public sealed class MastodonDirectTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_TextWithMediaAndReply_SendsBoth()
    {
        using var fake = new RecordingHttpServer();
        fake.Handler = r => r.Path switch
        {
            "/api/v2/media" => FakeResponse.Json(MastodonTestData.Media("5")),
            "/api/v1/statuses" => FakeResponse.Json(MastodonTestData.Status("6")),
            _ => MastodonTestData.Error(404, "Record not found"),
        };
        using var platform = MastodonTestHarness.Create(fake.BaseUrl);
        var image = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(image, [1, 2, 3], Token);
        try
        {
            var draft = new PostDraft("Look at this") { InReplyTo = "4", Kind = MessageKind.Reply, Media = [new MediaAttachment(image, "image/png")] };

            var result = await platform.PublishAsync(MastodonTestHarness.Request(draft), Token);

            Assert.Null(result.Error);
            using var body = JsonDocument.Parse(fake.Requests.Single(r => r.Path == "/api/v1/statuses").BodyText);
            Assert.Equal("Look at this", body.RootElement.GetProperty("status").GetString());
            Assert.Equal("5", body.RootElement.GetProperty("media_ids")[0].GetString());
            Assert.Equal("4", body.RootElement.GetProperty("in_reply_to_id").GetString());
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public async Task Lookup_FindsTheStatusByItsTextSinceTheFirstAttempt()
    {
        using var fake = new RecordingHttpServer();
        var status = JsonSerializer.Deserialize<Dictionary<string, object>>(MastodonTestData.Status("77"))!;
        status["content"] = "<p>Launch &amp; learn <a href=\"https://example.com/x\"><span class=\"invisible\">https://</span><span>example.com/x</span></a></p>";
        status["created_at"] = "2026-11-26T08:00:02.000Z";
        fake.Handler = r => r.Path switch
        {
            "/api/v1/accounts/verify_credentials" => FakeResponse.Json("""{"id":"42","username":"brand","acct":"brand"}"""),
            "/api/v1/accounts/42/statuses" when r.Query.Contains("max_id=", StringComparison.Ordinal) => FakeResponse.Json("[]"),
            "/api/v1/accounts/42/statuses" => FakeResponse.Json(JsonSerializer.Serialize(new[] { status })),
            _ => MastodonTestData.Error(404, "Record not found"),
        };
        using var platform = MastodonTestHarness.Create(fake.BaseUrl);

        var found = await platform.LookupAsync(MastodonTestHarness.Request(new PostDraft("Launch & learn https://example.com/x")), Token);
        var missing = await platform.LookupAsync(MastodonTestHarness.Request(new PostDraft("something else")), Token);

        Assert.Equal(LookupStatus.Found, found.Status);
        Assert.Equal("77", found.Post!.Id);
        Assert.Equal(LookupStatus.NotFound, missing.Status);
    }

    [Fact]
    public async Task Lookup_PagesBackToTheFirstAttempt_HoweverManyStatusesThatIs()
    {
        using var fake = new RecordingHttpServer();
        Dictionary<string, object> StatusAt(int id, string text, string createdAt)
        {
            var status = JsonSerializer.Deserialize<Dictionary<string, object>>(MastodonTestData.Status(id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            status["content"] = $"<p>{text}</p>";
            status["created_at"] = createdAt;
            return status;
        }

        // 45 newer statuses fill the first page; the wanted one is on the second, after the first attempt's time.
        var newer = Enumerable.Range(0, 40).Select(i => StatusAt(500 - i, $"later post {i}", "2026-11-26T09:00:00.000Z")).ToArray();
        var second = new[] { StatusAt(460, "later post 41", "2026-11-26T08:30:00.000Z"), StatusAt(77, "Launch &amp; learn<br />with us", "2026-11-26T08:00:02.000Z"), StatusAt(70, "older", "2026-11-25T08:00:00.000Z") };
        fake.Handler = r => r.Path switch
        {
            "/api/v1/accounts/verify_credentials" => FakeResponse.Json("""{"id":"42","username":"brand","acct":"brand"}"""),
            "/api/v1/accounts/42/statuses" when r.Query.Contains("max_id=461", StringComparison.Ordinal) => FakeResponse.Json(JsonSerializer.Serialize(second)),
            "/api/v1/accounts/42/statuses" => FakeResponse.Json(JsonSerializer.Serialize(newer)),
            _ => MastodonTestData.Error(404, "Record not found"),
        };
        using var platform = MastodonTestHarness.Create(fake.BaseUrl);

        var found = await platform.LookupAsync(MastodonTestHarness.Request(new PostDraft("Launch & learn\nwith us")), Token);
        var missing = await platform.LookupAsync(MastodonTestHarness.Request(new PostDraft("never posted")), Token);

        Assert.Equal(LookupStatus.Found, found.Status);
        Assert.Equal("77", found.Post!.Id);
        Assert.Equal(LookupStatus.NotFound, missing.Status);
        Assert.Contains(fake.Requests, r => r.Query.Contains("max_id=461", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("see https://example.com/a/very/long/path/indeed/longer/than/23", 4 + 23)]
    [InlineData("hi @someone@mastodon.social", 3 + 8)]
    [InlineData("👨‍👩‍👧 ok", 4)]
    public void Length_CountsUrlsAs23AndRemoteMentionsByTheirUser(string text, int expected)
    {
        Assert.Equal(expected, MastodonTextLength.Count(text, 23));
    }

    [Fact]
    public async Task Publish_WithoutAccessToken_IsUnauthorizedAndNamesTheSecret()
    {
        using var fake = new RecordingHttpServer { Handler = _ => FakeResponse.Json(MastodonTestData.Instance()) };
        using var platform = MastodonTestHarness.Create(fake.BaseUrl, secrets: new Dictionary<string, string>());

        var result = await platform.PublishAsync(MastodonTestHarness.Request(new PostDraft("hi")), Token);

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Contains("mastodon/brand/access-token", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Requests, r => r.Path == "/api/v1/statuses");
    }

    [Fact]
    public void Descriptor_OffersIdempotency()
    {
        using var platform = MastodonTestHarness.Create(new Uri("http://127.0.0.1:9/"));

        Assert.True(platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Idempotency));
        Assert.Equal(500, platform.Descriptor.Limits.MaxTextLength);
    }
}
