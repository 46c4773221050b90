using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Posts;

/// <summary>The guardrails and the inbox as <see cref="PostService"/> uses them, on the real SQLite store.</summary>
public sealed class PostServiceGuardrailTests
{
    private const string Sale = "Our spring sale starts today: 20% off everything in the shop until Sunday.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_is_refused_with_the_rule_and_the_earlier_post_and_nothing_is_stored()
    {
        using var fixture = new PublishingFixture();
        var first = await fixture.ScheduleAsync(TimeSpan.FromHours(1), Sale);

        var ex = await Assert.ThrowsAsync<PostRefusedException>(() => fixture.ScheduleAsync(TimeSpan.FromHours(2), Sale.ToUpperInvariant()));

        var duplicate = Assert.Single(ex.Verdict.Concerns);
        Assert.Equal((GuardrailRuleNames.DuplicateContent, GuardrailOutcome.Reject, first.Id), (duplicate.Rule, duplicate.Outcome, duplicate.Match?.MessageId));
        Assert.Contains(first.Id, ex.Message, StringComparison.Ordinal);
        Assert.Contains(GuardrailRuleNames.DuplicateContent, ex.Message, StringComparison.Ordinal);
        Assert.Equal([first.Id], (await fixture.Posts.ListAsync(new PostQuery(), Ct)).Select(p => p.Id));
        Assert.Single(fixture.Scheduler.Triggers);
        var logged = new List<GuardrailRejection>();
        await foreach (var rejection in fixture.Rejections.ReadSinceAsync(PublishingFixture.Start, Ct))
        {
            logged.Add(rejection);
        }

        Assert.Equal(GuardrailRuleNames.DuplicateContent, Assert.Single(logged).Rule);
    }

    [Fact]
    public async Task Checking_a_batch_judges_each_post_as_if_the_earlier_ones_were_scheduled_and_stores_and_logs_nothing()
    {
        using var fixture = new PublishingFixture(guardrails: new GuardrailOptions { PostsPerDay = 2 });
        var first = await fixture.ScheduleAsync(TimeSpan.FromHours(1), Sale);

        var checks = await fixture.Posts.CheckAsync(
            [
                new ScheduleRequest("acme", "2026-03-02 11:00Z", "Our autumn range is in: coats, scarves and boots for the cold days ahead."),
                new ScheduleRequest("acme", "2026-03-02 12:00Z", "Twenty percent off every pair of running shoes, online and in the shop."),
                new ScheduleRequest("acme", "2026-03-02 13:00Z", Sale),
                new ScheduleRequest("acme", "2026-03-01 13:00Z", "Yesterday's post, too late"),
                new ScheduleRequest("nobody", "2026-03-02 13:00Z", "Who?"),
            ],
            Ct);

        Assert.True(checks[0].IsAccepted);
        // The cap of two per day is reached by the first post and the batch's own first one.
        Assert.Contains("[account-caps]", Assert.Single(checks[1].Problems).Message, StringComparison.Ordinal);
        Assert.Equal(PostField.Guardrails, checks[2].Problems[0].Field);
        Assert.Contains(first.Id, checks[2].Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(PostField.At, checks[3].Problems[0].Field);
        Assert.Equal(PostField.Account, Assert.Single(checks[4].Problems).Field);
        Assert.Equal([first.Id], (await fixture.Posts.ListAsync(new PostQuery(), Ct)).Select(p => p.Id));
        await foreach (var _ in fixture.Rejections.ReadSinceAsync(PublishingFixture.Start.AddDays(-2), Ct))
        {
            Assert.Fail("a check records no rejection");
        }

        // Nothing the check saw is remembered: the batch's first post can be scheduled as checked.
        Assert.Equal(PostState.Scheduled, (await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 11:00Z", "Our autumn range is in: coats, scarves and boots for the cold days ahead."), Ct)).Post.State);
    }

    [Fact]
    public async Task A_cancelled_post_is_forgotten_so_the_same_text_can_be_scheduled_again()
    {
        using var fixture = new PublishingFixture();
        var first = await fixture.ScheduleAsync(TimeSpan.FromHours(1), Sale);
        await fixture.Posts.CancelAsync(first.Id, Ct);

        var again = await fixture.ScheduleAsync(TimeSpan.FromHours(2), Sale);

        Assert.Equal(PostState.Scheduled, again.State);
    }

    [Fact]
    public async Task A_post_of_an_account_that_requires_approval_waits_in_the_inbox_until_approved_with_an_edit()
    {
        using var fixture = new PublishingFixture(approvalRequired: true);
        var result = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", Sale), Ct);

        Assert.Equal(PostState.PendingApproval, result.Post.State);
        Assert.Empty(fixture.Scheduler.Triggers);
        var held = Assert.Single(await fixture.Inbox.ListAsync(InboxItemStatus.Pending, Ct));
        Assert.Equal((InboxItemKind.HeldPost, result.Post.Id, MessageOrigin.Hand), (held.Kind, held.PostId, held.Origin));
        Assert.Contains("requires approval", held.Trigger, StringComparison.Ordinal);

        var decision = await fixture.Inbox.ApproveAsync(held.Id, "maria", "Spring sale: 20% off everything in the shop, all week long.", Ct);

        Assert.True(decision.Published);
        var approved = await fixture.GetAsync(result.Post.Id);
        Assert.Equal((PostState.Scheduled, "maria"), (approved.State, approved.ApprovedBy));
        Assert.StartsWith("Spring sale", approved.Text, StringComparison.Ordinal);
        var published = await fixture.FireAsync(approved.Id);
        Assert.Equal(PostState.Published, published!.State);
        Assert.StartsWith("Spring sale", Assert.Single(fixture.Platform.PublishCalls).Draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_held_post_is_cancelled_and_never_sent()
    {
        using var fixture = new PublishingFixture(approvalRequired: true);
        var result = await fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", Sale), Ct);
        var held = Assert.Single(await fixture.Inbox.ListAsync(InboxItemStatus.Pending, Ct));

        await fixture.Inbox.RejectAsync(held.Id, "maria", "off brand", Ct);

        Assert.Equal(PostState.Cancelled, (await fixture.GetAsync(result.Post.Id)).State);
        Assert.Equal(PostState.Cancelled, (await fixture.FireAsync(result.Post.Id))!.State);
        Assert.Empty(fixture.Platform.PublishCalls);
    }

    [Fact]
    public async Task A_direct_message_without_a_recipient_and_a_reply_without_its_post_are_refused()
    {
        using var fixture = new PublishingFixture();

        var dm = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Hello there") { Kind = MessageKind.DirectMessage }, Ct));
        var reply = await Assert.ThrowsAsync<PostRequestException>(() =>
            fixture.Posts.ScheduleAsync(new ScheduleRequest("acme", "2026-03-02 15:00", "Hello there") { Kind = MessageKind.Reply, Recipient = "ana" }, Ct));

        Assert.Contains(dm.Problems, p => p.StartsWith("--to:", StringComparison.Ordinal));
        Assert.Contains(reply.Problems, p => p.StartsWith("--in-reply-to:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retrying_a_failed_post_is_refused_when_the_same_text_went_out_meanwhile()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenFail(PlatformErrorKind.Rejected, "try later");
        var first = await fixture.ScheduleAsync(TimeSpan.FromMinutes(5), Sale);
        Assert.Equal(PostState.Failed, (await fixture.FireAsync(first.Id))!.State);

        // Failed posts are forgotten, so the same text may be scheduled again; then the retry is the duplicate.
        var second = await fixture.ScheduleAsync(TimeSpan.FromMinutes(30), Sale);
        var ex = await Assert.ThrowsAsync<PostRefusedException>(() => fixture.Posts.RetryAsync(first.Id, Ct));

        Assert.Equal(second.Id, ex.Verdict.Concerns.Single().Match?.MessageId);
        Assert.Equal(PostState.Failed, (await fixture.GetAsync(first.Id)).State);
    }
}
