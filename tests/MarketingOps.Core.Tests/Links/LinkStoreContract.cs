using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Links;

/// <summary>What every link store must do, on SQLite and on PostgreSQL.</summary>
public abstract class LinkStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal abstract Task<AdoPostStore> CreateStoreAsync();

    private async Task<(AdoPostStore Posts, LinkStore Links)> OpenAsync()
    {
        var posts = await CreateStoreAsync();
        var time = new FakeTimeProvider(Now);
        return (posts, new LinkStore(new LinkSchema(posts, time), time));
    }

    private static LinkRewrite Short(string text, params (string Original, string Target, string Code)[] links) =>
        new(text, text, [.. links.Select(l => new RewrittenLink(l.Original, l.Target, l.Code, "https://go.example/l/" + l.Code))]);

    private static Post NewPost(string id, string? experiment = null, string? variant = null) =>
        new(id, "acme", "text " + id, Now.AddHours(1), PostState.Scheduled, "mops-" + id) { DueAt = Now.AddHours(1), CreatedAt = Now, UpdatedAt = Now, ExperimentId = experiment, Variant = variant };

    [Fact]
    public async Task ACode_LeadsToItsTarget_OnlyOnceItsPostIsStored()
    {
        var (posts, links) = await OpenAsync();
        await links.SaveAsync("p1", "acme", Short("as written", ("https://a.example/x", "https://a.example/x?utm_source=x", "AAAAAAAAAAA1")), Ct);

        // Saved before the post (a crash in between leaves nothing a redirect would serve).
        Assert.Null(await links.FindAsync("AAAAAAAAAAA1", Ct));
        await posts.InsertAsync(NewPost("p1"), "scheduled", Ct);

        var target = await links.FindAsync("AAAAAAAAAAA1", Ct);
        Assert.Equal("p1", target!.PostId);
        Assert.Equal("https://a.example/x?utm_source=x", target.Target.OriginalString);
        Assert.Null(await links.FindAsync("AAAAAAAAAAA2", Ct));
    }

    [Fact]
    public async Task ACodesTarget_CannotBeReplaced()
    {
        var (posts, links) = await OpenAsync();
        await links.SaveAsync("p1", "acme", Short("t", ("https://a.example/x", "https://a.example/x", "AAAAAAAAAAA1")), Ct);
        await posts.InsertAsync(NewPost("p1"), "scheduled", Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            links.SaveAsync("p2", "acme", Short("t", ("https://evil.example/", "https://evil.example/", "AAAAAAAAAAA1")), Ct));

        Assert.Equal("https://a.example/x", (await links.FindAsync("AAAAAAAAAAA1", Ct))!.Target.OriginalString);
    }

    [Fact]
    public async Task Clicks_OfPeopleAreCounted_AndBotsApart()
    {
        var (posts, links) = await OpenAsync();
        await links.SaveAsync("p1", "acme", Short("t", ("https://a.example/x", "https://a.example/x", "AAAAAAAAAAA1"), ("https://a.example/y", "https://a.example/y", "AAAAAAAAAAA2")), Ct);
        await links.SaveAsync("p2", "acme", Short("t", ("https://a.example/z", "https://a.example/z", "AAAAAAAAAAA3")), Ct);
        await links.SaveAsync("p3", "acme", new LinkRewrite("w", "t", [new RewrittenLink("https://a.example/w", "https://a.example/w?utm_source=x", null, null)]), Ct);
        foreach (var id in new[] { "p1", "p2", "p3" })
        {
            await posts.InsertAsync(NewPost(id), "scheduled", Ct);
        }

        await links.AddClicksAsync(
        [
            new LinkClick("AAAAAAAAAAA1", "p1", Now, null),
            new LinkClick("AAAAAAAAAAA1", "p1", Now, null),
            new LinkClick("AAAAAAAAAAA2", "p1", Now, null),
            new LinkClick("AAAAAAAAAAA1", "p1", Now, "Twitterbot"),
            new LinkClick("AAAAAAAAAAA1", "p1", Now, "HEAD"),
            new LinkClick("AAAAAAAAAAA3", "p2", Now, "Bluesky Cardyb"),
        ], Ct);

        var counts = await links.CountClicksAsync(["p1", "p2", "p3", "p4"], Ct);

        Assert.Equal(3, counts["p1"]);
        Assert.Equal(0, counts["p2"]);
        Assert.False(counts.ContainsKey("p3"), "a post without short links has no host count: the platform's stands");
        Assert.False(counts.ContainsKey("p4"));
        var one = await links.GetAsync("AAAAAAAAAAA1", Ct);
        Assert.Equal(2, one!.Clicks);
        Assert.Equal(2, one.BotHits);
        Assert.Equal(Now, one.LastClickAt);
        Assert.Equal(new Dictionary<string, long> { ["HEAD"] = 1, ["Twitterbot"] = 1 }, await links.CountBotHitsAsync("AAAAAAAAAAA1", Ct));
    }

    [Fact]
    public async Task APostsLinks_KeepTheTextAsWritten_AndListInTheOrderOfTheText()
    {
        var (posts, links) = await OpenAsync();
        await links.SaveAsync("p1", "acme", new LinkRewrite("as written https://a.example/x https://a.example/y", "published",
            [new RewrittenLink("https://a.example/x", "https://a.example/x?u", "AAAAAAAAAAA1", "https://go.example/l/AAAAAAAAAAA1"), new RewrittenLink("https://a.example/y", "https://a.example/y?u", "AAAAAAAAAAA2", "https://go.example/l/AAAAAAAAAAA2")]), Ct);
        await posts.InsertAsync(NewPost("p1", "exp1", "B"), "scheduled", Ct);
        await links.SaveAsync("p2", "acme", Short("t", ("https://a.example/z", "https://a.example/z", "AAAAAAAAAAA3")), Ct);
        await posts.InsertAsync(NewPost("p2"), "scheduled", Ct);

        var shown = await links.GetForPostAsync("p1", Ct);

        Assert.Equal("as written https://a.example/x https://a.example/y", shown!.OriginalText);
        Assert.Equal(["AAAAAAAAAAA1", "AAAAAAAAAAA2"], shown.Links.Select(l => l.Code));
        Assert.All(shown.Links, l => Assert.Equal(("exp1", "B", "Scheduled"), (l.ExperimentId, l.Variant, l.PostState)));
        Assert.Null(await links.GetForPostAsync("p2-none", Ct));
        Assert.Equal(2, (await links.ListAsync(new LinkQuery { ExperimentId = "exp1" }, Ct)).Count);
        Assert.Equal(3, (await links.ListAsync(new LinkQuery { Account = "acme" }, Ct)).Count);
        Assert.Single(await links.ListAsync(new LinkQuery { PostId = "p2" }, Ct));
        Assert.Empty(await links.ListAsync(new LinkQuery { Account = "other" }, Ct));
    }
}
