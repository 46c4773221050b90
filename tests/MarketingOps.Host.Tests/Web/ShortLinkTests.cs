using System.Net;
using MarketingOps.Core.Access;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MarketingOps.Host.Tests.Web;

/// <summary>The host's short links over real HTTP: a 302 to the tagged target, people counted, bots and previews apart, no open redirect.</summary>
public sealed class ShortLinkTests : IAsyncLifetime
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private ApiHost _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Posts are published by the test through the executor, as their trigger would, never by Quartz on its own.
    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync(
        settings: new Dictionary<string, string?>
        {
            ["Links:Tag"] = "true",
            ["Links:Campaign"] = "spring",
            ["Links:ShortBaseUrl"] = "https://go.acme.example",
        },
        services: s => s.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(new DemoPublishScheduler())));

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    // A post due now, published: its links are live.
    private async Task<(ScheduledPost Post, RewrittenLink Link)> ScheduleAsync(string text = "Spring sale https://shop.example/spring")
    {
        var (scheduled, link) = await ScheduleOnlyAsync(text, TimeProvider.System.GetUtcNow());
        await PublishAsync(scheduled.Post.Id);
        return (scheduled, link);
    }

    private async Task<(ScheduledPost Post, RewrittenLink Link)> ScheduleOnlyAsync(string text, DateTimeOffset at)
    {
        var scheduled = await _api.Service<PostService>().ScheduleAsync(new ScheduleRequest("acme", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), text), Ct);
        return (scheduled, Assert.Single(scheduled.Links!.Links));
    }

    private async Task PublishAsync(string postId) =>
        Assert.Equal(PostState.Published, (await _api.Service<PublishExecutor>().ExecuteAsync(postId, recovering: false, Ct))!.State);

    private async Task<HttpResponseMessage> FollowAsync(string code, string? userAgent, HttpMethod? method = null, string suffix = "")
    {
        using var client = _api.Anonymous();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, "/l/" + code + suffix);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task APersonsClick_Is302ToTheTaggedTarget_AndCounted()
    {
        var (post, link) = await ScheduleAsync();
        Assert.Equal("Spring sale https://go.acme.example/l/" + link.Code, post.Post.Text);

        using var response = await FollowAsync(link.Code!, Browser);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://shop.example/spring?utm_source=sandbox&utm_medium=social&utm_campaign=spring", response.Headers.Location!.OriginalString);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var counted = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((1, 0), (counted!.Clicks, counted.BotHits));
    }

    [Fact]
    public async Task A_target_on_a_unicode_host_is_redirected_in_ascii_and_counted()
    {
        var (_, link) = await ScheduleAsync("Dessert of the week https://café.example/crème?x=ü and more");

        using var response = await FollowAsync(link.Code!, Browser);

        // Kestrel refuses a non-ASCII Location: this was a 500 for every visitor, each counted.
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://xn--caf-dma.example/cr%C3%A8me?x=%C3%BC&utm_source=sandbox&utm_medium=social&utm_campaign=spring", response.Headers.Location!.OriginalString);
        Assert.Equal((1, 0), (await _api.Service<LinkStore>().GetAsync(link.Code!, Ct) is { } counted ? (counted.Clicks, counted.BotHits) : (-1, -1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Twitterbot/1.0")]
    public async Task ALinkOfAPostNotYetPublished_Is404_AndNothingIsCounted_UntilThePostIsPublished(string? userAgent)
    {
        var (post, link) = await ScheduleOnlyAsync("Spring sale https://shop.example/spring", TimeProvider.System.GetUtcNow());

        using var early = await FollowAsync(link.Code!, Browser);
        using var earlyBot = await FollowAsync(link.Code!, userAgent);
        using var earlyHead = await FollowAsync(link.Code!, Browser, HttpMethod.Head);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (early.StatusCode, earlyBot.StatusCode, earlyHead.StatusCode));
        Assert.Null(early.Headers.Location);
        var before = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((0, 0), (before!.Clicks, before.BotHits));

        await PublishAsync(post.Post.Id);
        using var live = await FollowAsync(link.Code!, Browser);

        Assert.Equal(HttpStatusCode.Found, live.StatusCode);
        var after = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((1, 0), (after!.Clicks, after.BotHits));
    }

    [Fact]
    public async Task ALinkOfACancelledPost_Is404()
    {
        var (post, link) = await ScheduleOnlyAsync("Spring sale https://shop.example/spring", TimeProvider.System.GetUtcNow().AddDays(1));
        await _api.Service<PostService>().CancelAsync(post.Post.Id, Ct);

        using var response = await FollowAsync(link.Code!, Browser);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, (await _api.Service<LinkStore>().GetAsync(link.Code!, Ct))!.Clicks);
    }

    [Theory]
    [InlineData("Twitterbot/1.0", "Twitterbot")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebookexternalhit")]
    [InlineData("Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)", "Bluesky Cardyb")]
    [InlineData("http.rb/5.2.0 (Mastodon/4.3.2; +https://mastodon.social/)", "Mastodon")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Slackbot")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "Discordbot")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "other bot (bot)")]
    [InlineData("Mozilla/5.0 (compatible; SemrushCrawler)", "other bot (crawler)")]
    [InlineData("Mozilla/5.0 (compatible; YetAnotherSpider/1.0)", "other bot (spider)")]
    [InlineData(null, "no User-Agent")]
    public async Task BotsAndPreviewFetchers_AreRedirected_ButCountedApart(string? userAgent, string countedAs)
    {
        var (_, link) = await ScheduleAsync();

        using var response = await FollowAsync(link.Code!, userAgent);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var counted = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((0, 1), (counted!.Clicks, counted.BotHits));
        Assert.Equal(new Dictionary<string, long> { [countedAs] = 1 }, await _api.Service<LinkStore>().CountBotHitsAsync(link.Code!, Ct));
    }

    [Fact]
    public async Task AHeadRequest_IsNeverAClick_WhateverItsUserAgent()
    {
        var (_, link) = await ScheduleAsync();

        using var response = await FollowAsync(link.Code!, Browser, HttpMethod.Head);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var counted = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((0, 1), (counted!.Clicks, counted.BotHits));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAA", "")]
    [InlineData("short", "")]
    [InlineData("AAAAAAAAAAAA", "?url=https://evil.example/")]
    [InlineData("..%2F..%2Fapi%2Fv1%2Fposts", "")]
    [InlineData("https:%2F%2Fevil.example", "")]
    public async Task AnUnknownCode_Is404_NeverARedirect(string code, string suffix)
    {
        await ScheduleAsync();

        using var response = await FollowAsync(code, Browser, suffix: suffix);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("GET", "/l/")]
    [InlineData("GET", "/l")]
    [InlineData("HEAD", "/l/")]
    [InlineData("GET", "/l/AAAAAAAAAAAA/more")]
    [InlineData("POST", "/l/")]
    public async Task A_path_under_l_without_one_code_is_404_never_the_sign_in_page(string method, string path)
    {
        // It was a 302 to the dashboard's sign-in page: a public link's address is no door to the dashboard.
        using var client = _api.Anonymous();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_method_on_a_code_is_405_allowing_get_and_head_and_is_not_counted(string method)
    {
        var (_, link) = await ScheduleAsync();

        using var response = await FollowAsync(link.Code!, Browser, new HttpMethod(method));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        var counted = await _api.Service<LinkStore>().GetAsync(link.Code!, Ct);
        Assert.Equal((0, 0), (counted!.Clicks, counted.BotHits));
    }

    [Fact]
    public async Task AQueryOnAKnownCode_DoesNotChangeTheTarget()
    {
        var (_, link) = await ScheduleAsync();

        using var response = await FollowAsync(link.Code!, Browser, suffix: "?url=https://evil.example/&next=//evil.example");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("https://shop.example/spring?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClickThatCannotBeStored_GetsNoRedirect_AndTheNextClickIsCountedAgain()
    {
        var (_, link) = await ScheduleAsync();

        // The click journal beside the database cannot be written: a folder stands where the file goes.
        var journal = Path.Combine(_api.Root, "data", "mops.db-clicks");
        Directory.CreateDirectory(journal);
        using var refused = await FollowAsync(link.Code!, Browser);
        Assert.NotEqual(HttpStatusCode.Found, refused.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Null(refused.Headers.Location);

        Directory.Delete(journal);
        using var counted = await FollowAsync(link.Code!, Browser);
        Assert.Equal(HttpStatusCode.Found, counted.StatusCode);
        Assert.Equal(1, (await _api.Service<LinkStore>().GetAsync(link.Code!, Ct))!.Clicks);
    }

    [Fact]
    public async Task AClickTheDatabaseRefusesForAWhile_IsRedirected_AndCountedOnceTheDatabaseTakesIt()
    {
        var (_, link) = await ScheduleAsync();
        await using (var refuse = await OpenDatabaseAsync())
        {
            await ExecuteAsync(refuse, "CREATE TRIGGER refuse_clicks BEFORE INSERT ON link_clicks BEGIN SELECT RAISE(ABORT, 'clicks refused'); END;");
        }

        // Written to the journal before the redirect: the database's refusal only delays its import.
        using var redirected = await FollowAsync(link.Code!, Browser);
        Assert.Equal(HttpStatusCode.Found, redirected.StatusCode);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => _api.Service<LinkStore>().GetAsync(link.Code!, Ct));

        await using (var allow = await OpenDatabaseAsync())
        {
            await ExecuteAsync(allow, "DROP TRIGGER refuse_clicks;");
        }

        using var next = await FollowAsync(link.Code!, Browser);
        Assert.Equal(HttpStatusCode.Found, next.StatusCode);
        Assert.Equal(2, (await _api.Service<LinkStore>().GetAsync(link.Code!, Ct))!.Clicks);
    }

    [Fact]
    public async Task AnotherReaderOfTheClicks_WhileTheHostWritesThem_ReadsWithoutWaitingOrFailing()
    {
        var (_, link) = await ScheduleAsync();
        using var response = await FollowAsync(link.Code!, Browser);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);

        // As `mops links list` beside `mops run`: the host holds the click journal, so the other reader leaves it to
        // the host (which imports within a moment) instead of failing on its lock.
        var time = _api.Service<TimeProvider>();
        await using var other = new LinkStore(new LinkSchema(_api.Service<Core.Storage.AdoPostStore>(), time), time);
        var read = await other.GetAsync(link.Code!, Ct);

        Assert.InRange(read!.Clicks, 0, 1);
        Assert.Equal(1, (await _api.Service<LinkStore>().GetAsync(link.Code!, Ct))!.Clicks);
    }

    private async Task<Microsoft.Data.Sqlite.SqliteConnection> OpenDatabaseAsync()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_api.Root, "data", "mops.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task TheApi_ListsLinksWithTheirCounts()
    {
        var (post, link) = await ScheduleAsync();
        (await FollowAsync(link.Code!, Browser)).Dispose();
        (await FollowAsync(link.Code!, "Twitterbot/1.0")).Dispose();
        using var viewer = _api.As(UserRole.Viewer);

        var listed = await ApiJson.ReadAsync(await viewer.GetAsync($"/api/v1/links?post={post.Post.Id}", Ct));
        var one = await ApiJson.ReadAsync(await viewer.GetAsync($"/api/v1/links/{link.Code}", Ct));
        using var missing = await viewer.GetAsync("/api/v1/links/AAAAAAAAAAAA", Ct);
        using var anonymous = await _api.Anonymous().GetAsync("/api/v1/links", Ct);

        var item = Assert.Single(listed.EnumerateArray());
        Assert.Equal(link.Code, item.GetProperty("code").GetString());
        Assert.Equal(1, item.GetProperty("clicks").GetInt64());
        Assert.Equal(1, item.GetProperty("botHits").GetInt64());
        Assert.Equal(1, one.GetProperty("botHitsByAgent").GetProperty("Twitterbot").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
