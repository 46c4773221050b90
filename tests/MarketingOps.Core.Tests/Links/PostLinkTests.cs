using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;

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
