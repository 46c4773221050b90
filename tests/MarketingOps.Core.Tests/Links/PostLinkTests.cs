using MarketingOps.Core.Accounts;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Links;

/// <summary>Links are rewritten before the platform checks the text, and the stored post is what will be published.</summary>
public sealed class PostLinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATaggedPost_StoresWhatWillBePublished_AndKeepsTheTextAsWritten()
    {
        using var fixture = new PublishingFixture(links: new LinkOptions { Tag = true, Campaign = "spring" });
        const string written = "Spring sale https://shop.example/spring";

        var scheduled = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", written), Ct);

        const string published = "Spring sale https://shop.example/spring?utm_source=fake&utm_medium=social&utm_campaign=spring";
        Assert.Equal(published, scheduled.Post.Text);
        Assert.Equal(published, scheduled.Links!.Text);
        var shown = await fixture.Posts.ShowAsync(scheduled.Post.Id, Ct);
        Assert.Equal(published, shown.Post.Text);
        Assert.Equal(written, shown.Links!.OriginalText);
        Assert.Contains("1 link tagged with UTM parameters (Links in mops.json)", shown.History[0].Reason, StringComparison.Ordinal);
        Assert.Equal(published, (await fixture.Store.GetAsync(scheduled.Post.Id, Ct))!.Text);

        // What the platform receives is the stored text.
        fixture.Time.SetUtcNow(scheduled.Post.DueAt);
        await fixture.Executor.ExecuteAsync(scheduled.Post.Id, recovering: false, Ct);
        Assert.Equal(published, Assert.Single(fixture.Platform.PublishCalls).Draft.Text);
    }

    [Fact]
    public async Task ThePlatformChecksTheRewrittenText_AndARefusalSaysSo()
    {
        // 40 characters as written; the tagged link makes it longer than the platform's 60.
        using var fixture = new PublishingFixture(platform: new ScriptedPlatform(maxLength: 60), links: new LinkOptions { Tag = true });
        const string written = "Sale today https://shop.example/spring";

        var refused = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", written), Ct));

        Assert.Contains(refused.Details, p => p.Field == PostField.Platform && p.Message.Contains("longer than 60", StringComparison.Ordinal));
        Assert.Contains(refused.Details, p => p.Field == PostField.Text && p.Message.Contains("as it will be published", StringComparison.Ordinal) && p.Message.Contains("utm_source=fake", StringComparison.Ordinal));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
    }

    [Fact]
    public async Task ACheckOfManyPosts_JudgesTheRewrittenTexts()
    {
        using var fixture = new PublishingFixture(platform: new ScriptedPlatform(maxLength: 60), links: new LinkOptions { Tag = true });

        var checks = await fixture.Posts.CheckAsync([new ScheduleRequest("acme", "2026-03-02 15:00", "Sale today https://shop.example/spring"), new ScheduleRequest("acme", "2026-03-02 16:00", "Sale today, no link")], Ct);

        Assert.Contains(checks[0].Problems, p => p.Field == PostField.Platform);
        Assert.Empty(checks[1].Problems);
    }

    [Fact]
    public async Task APostGroup_RewritesEachPostsLinksForItsOwnPlatform_AndEachShortLinkLeadsToItsOwnPost()
    {
        using var fixture = new PublishingFixture(links: new LinkOptions { Tag = true, Campaign = "spring", ShortBaseUrl = "https://go.acme.example" });
        fixture.Registry.Add(new ScriptedPlatform("bsky", PlatformCapabilities.Replies, maxLength: 300))
            .Add(new ClientAccount("acme-b", "bsky", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
        const string written = "Spring sale https://shop.example/spring";

        var group = await fixture.Posts.ScheduleGroupAsync([new ScheduleRequest("acme", "2026-03-02 15:00", written), new ScheduleRequest("acme-b", "2026-03-02 15:00", written)], Ct);

        var sources = new List<string>();
        foreach (var scheduled in group.Posts)
        {
            var link = Assert.Single(scheduled.Links!.Links);
            Assert.Equal("Spring sale " + link.ShortUrl, scheduled.Post.Text);
            Assert.Equal(scheduled.Post.Text, (await fixture.Store.GetAsync(scheduled.Post.Id, Ct))!.Text);
            var target = await fixture.Links.FindAsync(link.Code!, Ct);
            Assert.Equal(scheduled.Post.Id, target!.PostId);
            sources.Add(System.Web.HttpUtility.ParseQueryString(target.Target.Query)["utm_source"]!);
            var shown = await fixture.Posts.ShowAsync(scheduled.Post.Id, Ct);
            Assert.Equal(written, shown.Links!.OriginalText);
            Assert.Contains("1 link tagged with UTM parameters and shortened", shown.History[0].Reason, StringComparison.Ordinal);
        }

        Assert.Equal(["fake", "bsky"], sources);
        Assert.NotEqual(group.Posts[0].Links!.Links[0].Code, group.Posts[1].Links!.Links[0].Code);
    }

    [Fact]
    public async Task AThread_RewritesEveryPartsLinks_AndThePlatformReceivesThemInOrder()
    {
        using var fixture = new PublishingFixture(platform: new ScriptedPlatform(capabilities: PlatformCapabilities.Replies), links: new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example" });

        var scheduled = await fixture.Posts.ScheduleAsync(
            new ScheduleRequest("acme", "2026-03-02 15:00", "Part one https://shop.example/one") { ThreadTexts = ["Part two, no link", "Part three https://shop.example/three"] }, Ct);

        Assert.Equal(3, scheduled.Parts.Count);
        Assert.Equal(3, scheduled.PartLinks.Count);
        Assert.Null(scheduled.PartLinks[1]);
        foreach (var i in new[] { 0, 2 })
        {
            var link = Assert.Single(scheduled.PartLinks[i]!.Links);
            Assert.EndsWith(link.ShortUrl!, scheduled.Parts[i].Text, StringComparison.Ordinal);
            Assert.Equal(scheduled.Parts[i].Id, (await fixture.Links.FindAsync(link.Code!, Ct))!.PostId);
        }

        Assert.Equal("Part two, no link", scheduled.Parts[1].Text);
        Assert.Equal(scheduled.PartLinks[0], scheduled.Links);

        // Each part goes out with its own short link, in order.
        await fixture.FireAllAsync(Ct);
        Assert.Equal(scheduled.Parts.Select(p => p.Text), fixture.Platform.PublishCalls.Select(c => c.Draft.Text));
    }

    [Fact]
    public async Task AThreadPartTooLongOnceRewritten_IsRefused_AndTheRefusalShowsThePublishedText()
    {
        using var fixture = new PublishingFixture(platform: new ScriptedPlatform(capabilities: PlatformCapabilities.Replies, maxLength: 60), links: new LinkOptions { Tag = true });

        var refused = await Assert.ThrowsAsync<PostRequestException>(() => fixture.Posts.ScheduleAsync(
            new ScheduleRequest("acme", "2026-03-02 15:00", "Part one, short") { ThreadTexts = ["Sale today https://shop.example/spring"] }, Ct));

        Assert.Contains(refused.Details, p => p.Field == PostField.Platform && p.Part == 2);
        Assert.Contains(refused.Details, p => p.Field == PostField.Text && p.Part == 2 && p.Message.Contains("utm_source=fake", StringComparison.Ordinal));
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));
    }

    [Fact]
    public async Task ShortLinks_AreStoredWithThePost_AndLeadToTheTaggedTarget()
    {
        using var fixture = new PublishingFixture(links: new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example" });

        var scheduled = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Spring https://shop.example/spring") { ExperimentId = "e1", Variant = "B", Campaign = "spring-cta" }, Ct);

        var link = Assert.Single(scheduled.Links!.Links);
        Assert.Equal("Spring " + link.ShortUrl, scheduled.Post.Text);
        var target = await fixture.Links.FindAsync(link.Code!, Ct);
        Assert.Equal(scheduled.Post.Id, target!.PostId);
        Assert.Equal("https://shop.example/spring?utm_source=fake&utm_medium=social&utm_campaign=spring-cta&utm_content=B", target.Target.OriginalString);
        var shown = await fixture.Posts.ShowAsync(scheduled.Post.Id, Ct);
        Assert.Equal(link.Code, Assert.Single(shown.Links!.Links).Code);
    }

    [Fact]
    public async Task AnApproverEditingTheText_KeepsTheShortLinks_AndNewLinksGetTheirOwn()
    {
        using var fixture = new PublishingFixture(approvalRequired: true, links: new LinkOptions { Tag = true, ShortBaseUrl = "https://go.acme.example" });
        var held = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Spring https://shop.example/spring"), Ct);
        Assert.Equal(PostState.PendingApproval, held.Post.State);
        var first = Assert.Single(held.Links!.Links);

        var approved = await fixture.Posts.ApproveAsync(held.Post.Id, "ana", held.Post.Text + " and https://shop.example/summer", Ct);

        Assert.StartsWith($"Spring {first.ShortUrl} and https://go.acme.example/l/", approved.Text, StringComparison.Ordinal);
        var links = (await fixture.Posts.ShowAsync(approved.Id, Ct)).Links!.Links;
        Assert.Equal(2, links.Count);
        Assert.Equal(first.Code, links[0].Code);
        Assert.Equal(first.TargetUrl, links[0].TargetUrl);
        Assert.StartsWith("https://shop.example/summer?utm_source=fake", links[1].TargetUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutLinkSettings_TheTextIsPublishedAsWritten()
    {
        using var fixture = new PublishingFixture();

        var scheduled = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Spring https://shop.example/spring"), Ct);

        Assert.Equal("Spring https://shop.example/spring", scheduled.Post.Text);
        Assert.Null(scheduled.Links);
        Assert.Null((await fixture.Posts.ShowAsync(scheduled.Post.Id, Ct)).Links);
    }
}
