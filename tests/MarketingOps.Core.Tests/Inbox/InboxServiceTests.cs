using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Sdk;
using static MarketingOps.Core.Tests.Inbox.InboxHarness;

namespace MarketingOps.Core.Tests.Inbox;

public sealed class InboxServiceTests
{
    [Fact]
    public async Task A_proposal_waits_with_its_reasons_and_verdict_and_nothing_is_sent()
    {
        using var harness = new InboxHarness();
        var item = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread on hydration!", "ana", eventId: "e1"), Token);

        Assert.Equal(InboxItemStatus.Pending, item.Status);
        Assert.Equal("ana", item.Draft.Recipient);
        Assert.Equal("mention by @ana", item.Trigger);
        Assert.Equal("sourdough hydration", item.Facts["recent post"]);
        Assert.Equal(GuardrailOutcome.Allow, item.Verdict.Outcome);
        Assert.Equal(0, harness.Publisher.Calls);
        Assert.Same(item, await harness.Inbox.GetAsync(item.Id, Token));
    }

    [Fact]
    public async Task One_event_yields_one_proposal()
    {
        using var harness = new InboxHarness();
        var first = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread!", "ana", eventId: "e1"), Token);
        var second = await harness.Inbox.ProposeAsync(Workflow, Reply("Another draft for the same event", "ana", eventId: "e1"), Token);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await harness.Inbox.ListAsync(null, Token));
    }

    [Fact]
    public async Task A_workflow_proposing_the_same_draft_every_run_fills_the_inbox_once()
    {
        using var harness = new InboxHarness();
        var first = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Thanks for the follow! Ask us anything.", "ana"), Token);
        harness.Guardrails.Clock.Advance(TimeSpan.FromMinutes(15));
        var again = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Thanks for the follow! Ask us anything.", "ana"), Token);
        var other = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Thanks for the follow! Ask us anything.", "bea"), Token);

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, (await harness.Inbox.ListAsync(InboxItemStatus.Pending, Token)).Count);

        // Once a person decided, the same draft may be proposed again (and the guardrails judge it then).
        await harness.Inbox.RejectAsync(first.Id, "maria", "not now", Token);
        var later = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Thanks for the follow! Ask us anything.", "ana"), Token);
        Assert.NotEqual(first.Id, later.Id);
    }

    [Fact]
    public async Task Approval_sends_through_the_publisher_and_records_who_and_when()
    {
        using var harness = new InboxHarness();
        var item = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread on hydration!", "ana"), Token);
        harness.Guardrails.Clock.Advance(TimeSpan.FromMinutes(42));

        var result = await harness.Inbox.ApproveAsync(item.Id, "maria", null, Token);

        Assert.True(result.Published);
        var sent = Assert.Single(harness.Publisher.Sent);
        Assert.Equal(MessageOrigin.Inbox, sent.Origin);
        Assert.Equal("Great thread on hydration!", sent.Draft.Text);
        Assert.Equal(InboxItemStatus.Approved, result.Item.Status);
        Assert.Equal("post-1", result.Item.PostId);
        var decision = Assert.Single(result.Item.Decisions);
        Assert.Equal((InboxDecisionAction.Approved, "maria", GuardrailHarness.Noon.AddMinutes(42)), (decision.Action, decision.By, decision.At));
    }

    [Fact]
    public async Task An_edit_is_checked_again_and_a_rejected_edit_keeps_the_item_pending()
    {
        using var harness = new InboxHarness();
        var item = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread!", "ana"), Token);

        var refused = await harness.Inbox.ApproveAsync(item.Id, "maria", new string('a', 501), Token);

        Assert.False(refused.Published);
        Assert.Equal(InboxItemStatus.Pending, refused.Item.Status);
        Assert.Equal(GuardrailOutcome.Reject, refused.Verdict.Outcome);
        Assert.Equal(InboxDecisionAction.ApprovalRefused, Assert.Single(refused.Item.Decisions).Action);
        Assert.Contains("platform-text", refused.Item.Decisions[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Publisher.Calls);

        var approved = await harness.Inbox.ApproveAsync(item.Id, "maria", "Great thread, Ana! Which flour do you use?", Token);

        Assert.True(approved.Published);
        Assert.Equal("Great thread, Ana! Which flour do you use?", Assert.Single(harness.Publisher.Sent).Draft.Text);
        Assert.Equal("Great thread, Ana! Which flour do you use?", approved.Item.Draft.Text);
        Assert.Equal("Great thread, Ana! Which flour do you use?", approved.Item.Decisions[^1].EditedText);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_is_recorded()
    {
        using var harness = new InboxHarness();
        var item = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread!", "ana"), Token);

        await Assert.ThrowsAsync<InboxException>(() => harness.Inbox.RejectAsync(item.Id, "maria", " ", Token));
        var rejected = await harness.Inbox.RejectAsync(item.Id, "maria", "too generic", Token);

        Assert.Equal(InboxItemStatus.Rejected, rejected.Status);
        Assert.Equal((InboxDecisionAction.Rejected, "maria", "too generic"), (rejected.Decisions[0].Action, rejected.Decisions[0].By, rejected.Decisions[0].Reason));
        Assert.Equal(0, harness.Publisher.Calls);
    }

    [Fact]
    public async Task A_decided_item_cannot_be_decided_again()
    {
        using var harness = new InboxHarness();
        var item = await harness.Inbox.ProposeAsync(Workflow, Reply("Great thread!", "ana"), Token);
        await harness.Inbox.RejectAsync(item.Id, "maria", "no", Token);

        var error = await Assert.ThrowsAsync<InboxException>(() => harness.Inbox.ApproveAsync(item.Id, "bob", null, Token));
        Assert.Contains("is rejected (Rejected by maria", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InboxException>(() => harness.Inbox.ApproveAsync("nope", "bob", null, Token));
    }

    [Fact]
    public async Task A_workflow_the_policy_trusts_sends_its_kind_unattended()
    {
        var policy = new UnattendedPolicy([KeyValuePair.Create(Workflow, (IReadOnlyList<string>)["reply"])]);
        using var harness = new InboxHarness(policy);

        var reply = await harness.Inbox.ProposeAsync(Workflow, Reply("Thanks for the kind words!", "ana"), Token);
        var message = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Hi Ben, welcome!", "ben"), Token);

        Assert.Equal(InboxItemStatus.SentUnattended, reply.Status);
        Assert.Equal(InboxService.PolicyDecider, reply.Decisions[0].By);
        Assert.Equal(MessageOrigin.Unattended, Assert.Single(harness.Publisher.Sent).Origin);
        Assert.Equal(InboxItemStatus.Pending, message.Status);
    }

    [Fact]
    public async Task Guardrails_still_apply_to_unattended_sends()
    {
        var policy = new UnattendedPolicy([KeyValuePair.Create(Workflow, (IReadOnlyList<string>)["dm"])]);
        using var harness = new InboxHarness(policy);

        // On X, automation may not message someone who never wrote first.
        var item = await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Hi Ana, welcome!", "ana", "acme-x"), Token);

        Assert.Equal(InboxItemStatus.Pending, item.Status);
        Assert.Equal(GuardrailOutcome.Reject, GuardrailsRule(item, GuardrailRuleNames.DirectMessageFirstContact).Outcome);
        Assert.Equal(0, harness.Publisher.Calls);

        // A person approving turns it into a reviewed message, which the rule allows with approval.
        var approved = await harness.Inbox.ApproveAsync(item.Id, "maria", "Hi Ana, saw your talk on sourdough, any tips for a beginner?", Token);
        Assert.True(approved.Published);
        Assert.Equal(MessageOrigin.Inbox, harness.Publisher.Sent[0].Origin);
    }

    [Fact]
    public async Task Fifty_unattended_thank_yous_only_three_go_out_and_the_rest_wait_rejected()
    {
        var policy = new UnattendedPolicy([KeyValuePair.Create(Workflow, (IReadOnlyList<string>)["dm"])]);
        using var harness = new InboxHarness(policy);

        var items = new List<InboxItem>();
        for (var i = 0; i < 50; i++)
        {
            harness.Guardrails.Clock.Advance(TimeSpan.FromMinutes(1));
            items.Add(await harness.Inbox.ProposeAsync(Workflow, DirectMessage("Thanks for following!", $"f{i}", eventId: $"follow-{i}"), Token));
        }

        Assert.Equal(3, harness.Publisher.Sent.Count);
        Assert.All(items.Take(3), i => Assert.Equal(InboxItemStatus.SentUnattended, i.Status));
        Assert.All(items.Skip(3), i =>
        {
            Assert.Equal(InboxItemStatus.Pending, i.Status);
            Assert.Equal(GuardrailOutcome.Reject, GuardrailsRule(i, GuardrailRuleNames.FanOut).Outcome);
        });
    }

    [Fact]
    public async Task A_held_post_is_released_or_discarded()
    {
        using var harness = new InboxHarness();
        var post = harness.Guardrails.Post("Our spring sale starts Monday", "acme-sb", at: GuardrailHarness.Noon.AddDays(1)) with { Id = "post-77" };

        var held = await harness.Inbox.HoldPostAsync(post, "account acme-sb requires approval", Token);
        Assert.Equal((InboxItemKind.HeldPost, "post-77", "account acme-sb requires approval"), (held.Kind, held.PostId, held.Trigger));
        Assert.Same(held, await harness.Inbox.HoldPostAsync(post, "again", Token));

        var approved = await harness.Inbox.ApproveAsync(held.Id, "maria", null, Token);
        var released = Assert.Single(harness.Publisher.Released);
        Assert.Equal(("post-77", post.At, MessageOrigin.Hand), (released.Id, released.At, released.Origin));
        Assert.Empty(harness.Publisher.Sent);
        Assert.True(approved.Published);

        var other = await harness.Inbox.HoldPostAsync(post with { Id = "post-78", Draft = new PostDraft("A different post entirely") }, "needs approval", Token);
        await harness.Inbox.RejectAsync(other.Id, "maria", "off brand", Token);
        Assert.Equal(("post-78", "off brand"), Assert.Single(harness.Publisher.Discarded));
    }

    [Fact]
    public async Task A_proposal_from_an_unknown_account_or_the_wrong_platform_is_refused()
    {
        using var harness = new InboxHarness();
        await Assert.ThrowsAsync<InboxException>(() => harness.Inbox.ProposeAsync(Workflow, Reply("hi", "ana", "nobody"), Token));
        var wrongPlatform = Reply("hi", "ana") with { Platform = "x" };
        var error = await Assert.ThrowsAsync<InboxException>(() => harness.Inbox.ProposeAsync(Workflow, wrongPlatform, Token));
        Assert.Contains("which is on 'sandbox'", error.Message, StringComparison.Ordinal);
    }

    private static GuardrailRuleResult GuardrailsRule(InboxItem item, string rule) => item.Verdict.Results.Single(r => r.Rule == rule);
}
