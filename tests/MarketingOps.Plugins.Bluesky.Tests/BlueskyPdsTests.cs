using System.Text;
using System.Text.Json;
using MarketingOps.Sdk;
using MarketingOps.Testing.Peers;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>Against a real Bluesky PDS (@atproto/pds): records are read back exactly as the server stored them.</summary>
public sealed class BlueskyPdsTests(PdsFixture pds) : IClassFixture<PdsFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_LinkMentionHashtagEmojiAndCjk_StoresTextAndFacetsAtUtf8ByteOffsets()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var text = $"春のセール 🌸👨‍👩‍👧 with @{pds.Friend.Handle}: details at https://example.com/sale?x=1 (ends Friday). #春 #SpringSale!";

        var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft(text)), Token);

        Assert.Null(result.Error);
        var record = (await pds.GetRecordAsync(result.Post!.Id))!.Value.GetProperty("value");
        Assert.Equal(text, record.GetProperty("text").GetString());
        var bytes = Encoding.UTF8.GetBytes(text);
        var facets = record.GetProperty("facets").EnumerateArray()
            .Select(f => (
                Slice: Encoding.UTF8.GetString(bytes[f.GetProperty("index").GetProperty("byteStart").GetInt32()..f.GetProperty("index").GetProperty("byteEnd").GetInt32()]),
                Feature: f.GetProperty("features")[0]))
            .ToList();
        Assert.Equal([$"@{pds.Friend.Handle}", "https://example.com/sale?x=1", "#春", "#SpringSale"], facets.Select(f => f.Slice));
        Assert.Equal(pds.Friend.Did, facets[0].Feature.GetProperty("did").GetString());
        Assert.Equal("app.bsky.richtext.facet#mention", facets[0].Feature.GetProperty("$type").GetString());
        Assert.Equal("https://example.com/sale?x=1", facets[1].Feature.GetProperty("uri").GetString());
        Assert.Equal("春", facets[2].Feature.GetProperty("tag").GetString());
        Assert.Equal("SpringSale", facets[3].Feature.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task MatchPostUrl_ReadsTheAtUriFromTheBskyAppAddress_AndRefusesAnotherAccountsPost()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var published = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("Resolve me by my address")), Token);
        var rkey = published.Post!.Id.Split('/')[^1];

        var byHandle = await platform.MatchPostUrlAsync(BlueskyTestHarness.Account, new Uri($"https://bsky.app/profile/{pds.Poster.Handle}/post/{rkey}"), Token);
        var byDid = await platform.MatchPostUrlAsync(BlueskyTestHarness.Account, new Uri($"https://bsky.app/profile/{pds.Poster.Did}/post/{rkey}"), Token);
        var theirs = await platform.MatchPostUrlAsync(BlueskyTestHarness.Account, new Uri($"https://bsky.app/profile/{pds.Friend.Handle}/post/{rkey}"), Token);
        var elsewhere = await platform.MatchPostUrlAsync(BlueskyTestHarness.Account, new Uri($"https://x.com/acme/status/1"), Token);

        Assert.Equal(published.Post.Id, byHandle.Id);
        Assert.Equal(published.Post.Id, byDid.Id);
        Assert.Null(theirs.Id);
        Assert.Contains($"it is a post of {pds.Friend.Handle}", theirs.Problem, StringComparison.Ordinal);
        Assert.Contains("not on x.com", elsewhere.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_300Graphemes_IsAccepted_301IsRefusedBeforeSending()
    {
        var url = pds.Require();
        var observer = new ViolationObserver();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password, observer);
        var grapheme = "e\u0301"; // two code points, one grapheme: the server counts graphemes, not chars

        var accepted = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft(string.Concat(Enumerable.Repeat(grapheme, 300)))), Token);
        var sentBefore = observer.Exchanges.Count(e => e.Url.AbsolutePath.EndsWith("createRecord", StringComparison.Ordinal));
        var refused = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft(string.Concat(Enumerable.Repeat(grapheme, 301)))), Token);

        Assert.Null(accepted.Error);
        Assert.Equal(PlatformErrorKind.Rejected, refused.Error!.Kind);
        Assert.Contains("301", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(sentBefore, observer.Exchanges.Count(e => e.Url.AbsolutePath.EndsWith("createRecord", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Publish_SameIdempotencyKeyTwice_LeavesOneRecord_EvenFromANewProcess()
    {
        var url = pds.Require();
        var key = "post-" + Guid.NewGuid().ToString("N");
        var text = "Only once, however often it is retried " + key;
        using var first = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        using var restarted = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);

        var one = await first.PublishAsync(BlueskyTestHarness.Request(new PostDraft(text), key), Token);
        var two = await first.PublishAsync(BlueskyTestHarness.Request(new PostDraft(text), key, attempt: 2), Token);
        var three = await restarted.PublishAsync(BlueskyTestHarness.Request(new PostDraft(text), key, attempt: 3), Token);

        Assert.Null(one.Error);
        Assert.Null(two.Error);
        Assert.Null(three.Error);
        Assert.Equal(one.Post!.Id, two.Post!.Id);
        Assert.Equal(one.Post.Id, three.Post!.Id);
        var posts = await pds.ListPostsAsync(pds.Poster.Did);
        Assert.Single(posts, p => p.GetProperty("value").GetProperty("text").GetString() == text);
    }

    [Fact]
    public async Task Session_IsCreatedOnceAndReusedAcrossPublishes()
    {
        var url = pds.Require();
        var observer = new ViolationObserver();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password, observer);

        for (var i = 0; i < 3; i++)
        {
            var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft($"Post {i} of three")), Token);
            Assert.Null(result.Error);
        }

        Assert.Single(observer.Exchanges, e => e.Url.AbsolutePath.EndsWith("createSession", StringComparison.Ordinal));
        Assert.Equal(3, observer.Exchanges.Count(e => e.Url.AbsolutePath.EndsWith("createRecord", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lookup_FindsAPublishedPost_AndNotAnUnpublishedOne()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var request = BlueskyTestHarness.Request(new PostDraft("Look me up"));
        var published = await platform.PublishAsync(request, Token);

        var found = await platform.LookupAsync(request, Token);
        var missing = await platform.LookupAsync(BlueskyTestHarness.Request(new PostDraft("never sent")), Token);

        Assert.Equal(LookupStatus.Found, found.Status);
        Assert.Equal(published.Post!.Id, found.Post!.Id);
        Assert.Equal(LookupStatus.NotFound, missing.Status);
    }

    [Fact]
    public async Task Delete_RemovesTheRecord()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var published = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("Short-lived")), Token);

        var deleted = await platform.DeleteAsync(BlueskyTestHarness.Account, published.Post!.Id, Token);

        Assert.True(deleted.Succeeded);
        Assert.Null(await pds.GetRecordAsync(published.Post.Id));
    }

    [Fact]
    public async Task Publish_ReplyWithImage_CarriesReplyRefsAndAnImageEmbed()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var parent = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("Question?")), Token);
        var image = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(image, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), Token);
        try
        {
            var draft = new PostDraft("Answer with a picture")
            {
                Kind = MessageKind.Reply,
                InReplyTo = parent.Post!.Id,
                Media = [new MediaAttachment(image, "image/png", "a single pixel")],
            };

            var reply = await platform.PublishAsync(BlueskyTestHarness.Request(draft), Token);

            Assert.Null(reply.Error);
            var record = (await pds.GetRecordAsync(reply.Post!.Id))!.Value.GetProperty("value");
            Assert.Equal(parent.Post.Id, record.GetProperty("reply").GetProperty("parent").GetProperty("uri").GetString());
            Assert.Equal(parent.Post.Id, record.GetProperty("reply").GetProperty("root").GetProperty("uri").GetString());
            var embedded = record.GetProperty("embed").GetProperty("images")[0];
            Assert.Equal("a single pixel", embedded.GetProperty("alt").GetString());
            Assert.Equal("image/png", embedded.GetProperty("image").GetProperty("mimeType").GetString());
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public async Task Publish_WrongPassword_IsUnauthorized()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, "not-the-password");

        var result = await platform.PublishAsync(BlueskyTestHarness.Request(new PostDraft("nope")), Token);

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
        Assert.DoesNotContain("not-the-password", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ComeFromTheAppView_InBatchesOf25()
    {
        var url = pds.Require();
        using var appView = new RecordingHttpServer();
        appView.Handler = request =>
        {
            var uris = request.Query.Split('&').Where(p => p.StartsWith("uris=", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p[5..])).ToList();
            var posts = uris.Where(u => !u.EndsWith("gone", StringComparison.Ordinal)).Select(u => new { uri = u, cid = "bafy", likeCount = 7, repostCount = 2, replyCount = 1, quoteCount = 0 });
            return FakeResponse.Json(JsonSerializer.Serialize(new { posts }));
        };
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password, appView: appView.BaseUrl);
        var ids = Enumerable.Range(0, 30).Select(i => $"at://{pds.Poster.Did}/app.bsky.feed.post/{(i == 29 ? "gone" : "3k" + i)}").ToList();

        var metrics = await platform.GetMetricsAsync(BlueskyTestHarness.Account, ids, Token);

        Assert.Equal([25, 5], appView.Requests.Select(r => r.Query.Split('&').Length));
        Assert.All(appView.Requests, r => Assert.Equal("/xrpc/app.bsky.feed.getPosts", r.Path));
        Assert.Equal(ids, metrics.Select(m => m.PostId));
        Assert.Equal(7, metrics[0].Counters[MetricNames.Likes]);
        Assert.Equal(2, metrics[0].Counters[MetricNames.Reposts]);
        Assert.Equal(MetricsStatus.Unavailable, metrics[29].Status);
    }
}
