using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Publishing;

/// <summary>The guardrails' second look, right before a post is sent.</summary>
public sealed class PublishGuardrailTests
{
    private const string Sale = "Our spring sale starts today: 20% off everything in the shop until Sunday.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_that_became_a_duplicate_fails_at_send_time_naming_the_rule_and_the_earlier_message()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30), Sale);

        // Another process sent the same text meanwhile; this host learns of it before the post fires.
        var other = new OutgoingMessage("other-host-post", "acme", new PostDraft(Sale), PublishingFixture.Start.AddMinutes(10), MessageOrigin.Hand);
        await fixture.Guardrails.RecordAsync(other, Ct);

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Failed, result!.State);
        Assert.Contains("refused by the guardrails right before sending", result.LastError, StringComparison.Ordinal);
        Assert.Contains(GuardrailRuleNames.DuplicateContent, result.LastError, StringComparison.Ordinal);
        Assert.Contains("other-host-post", result.LastError, StringComparison.Ordinal);
        Assert.Empty(fixture.Platform.PublishCalls);

        // The failed post is forgotten: only the other message is left to compare against.
        Assert.Equal(1, fixture.Guardrails.Ledger.Count);
    }

    [Fact]
    public async Task A_post_whose_account_now_requires_approval_goes_back_to_the_inbox_instead_of_out()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30), Sale);
        fixture.Registry.Replace(fixture.Account with { ApprovalRequired = true });

        var held = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.PendingApproval, held!.State);
        Assert.Empty(fixture.Platform.PublishCalls);
        var item = Assert.Single(await fixture.Inbox.ListAsync(InboxItemStatus.Pending, Ct));
        Assert.Equal(post.Id, item.PostId);

        await fixture.Inbox.ApproveAsync(item.Id, "maria", null, Ct);
        var published = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Published, published!.State);
        Assert.Equal(Sale, Assert.Single(fixture.Platform.PublishCalls).Draft.Text);
    }

    [Fact]
    public async Task A_cap_reached_after_scheduling_fails_the_post_at_send_time()
    {
        using var fixture = new PublishingFixture(guardrails: new GuardrailOptions { PostsPerDay = 1 });
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30));
        await fixture.Guardrails.RecordAsync(new OutgoingMessage("elsewhere", "acme", new PostDraft(DistinctText.Next()), PublishingFixture.Start.AddMinutes(5), MessageOrigin.Hand), Ct);

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Failed, result!.State);
        Assert.Contains(GuardrailRuleNames.AccountCaps, result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_post_stays_in_the_guardrails_memory()
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5), Sale);
        await fixture.FireAsync(post.Id);

        var ex = await Assert.ThrowsAsync<PostRefusedException>(() => fixture.ScheduleAsync(TimeSpan.FromHours(3), Sale));

        Assert.Equal(post.Id, ex.Verdict.Concerns.Single().Match?.MessageId);
    }
}
