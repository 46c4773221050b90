using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Reporting;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;
using MarketingOps.Testing;

namespace MarketingOps.Core.Tests.Inbox;

/// <summary>Replies and direct messages from the inbox through the real post service and publishing pipeline.</summary>
public sealed class InboxPublishingTests
{
    private const string Workflow = "followup/follow-up";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ScriptedPlatform Conversational() => new(capabilities: PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages);

    [Fact]
    public async Task An_approved_reply_is_published_as_a_reply_to_the_mention_with_its_recipient()
    {
        using var fixture = new PublishingFixture(Conversational());
        await fixture.Audience.RecordAsync("acme", [new AudienceEvent("evt-m1", AudienceEventKind.Mention, "ana", PublishingFixture.Start.AddMinutes(-30), "@acme which flour?", "post-9")], Ct);
        var proposal = new Proposal("fake", "acme", new PostDraft("Hi Ana, we use a stone-milled rye for that loaf.") { Kind = MessageKind.Reply, Recipient = "ana", InReplyTo = "post-9" }, "mention by @ana")
        {
            TriggerEventId = "evt-m1",
        };

        var item = await fixture.Inbox.ProposeAsync(Workflow, proposal, Ct);

        Assert.Equal(InboxItemStatus.Pending, item.Status);
        Assert.Empty(await fixture.Posts.ListAsync(new PostQuery(), Ct));

        var decision = await fixture.Inbox.ApproveAsync(item.Id, "maria", null, Ct);
        Assert.True(decision.Published, decision.Verdict.Summary);
        var post = await fixture.GetAsync(decision.Item.PostId!);
        Assert.Equal(
            (PostState.Scheduled, MessageKind.Reply, "ana", "post-9", MessageOrigin.Inbox, "evt-m1", "maria"),
            (post.State, post.Kind, post.Recipient, post.InReplyTo, post.Origin, post.TriggerEventId, post.ApprovedBy));

        await fixture.FireAsync(post.Id);

        var sent = Assert.Single(fixture.Platform.PublishCalls).Draft;
        Assert.Equal((MessageKind.Reply, "ana", "post-9"), (sent.Kind, sent.Recipient, sent.InReplyTo));
    }

    [Fact]
    public async Task An_approved_direct_message_with_an_edit_is_checked_again_and_published_as_edited()
    {
        using var fixture = new PublishingFixture(Conversational());
        await fixture.Audience.RecordAsync("acme", [new AudienceEvent("evt-d1", AudienceEventKind.DirectMessage, "ben", PublishingFixture.Start.AddMinutes(-5), "do you ship abroad?")], Ct);
        var proposal = new Proposal("fake", "acme", new PostDraft("Hi Ben, yes we ship to all of Europe.") { Kind = MessageKind.DirectMessage, Recipient = "ben" }, "message from @ben")
        {
            TriggerEventId = "evt-d1",
        };
        var item = await fixture.Inbox.ProposeAsync(Workflow, proposal, Ct);

        var decision = await fixture.Inbox.ApproveAsync(item.Id, "maria", "Hi Ben, yes: we ship to all of Europe within five days.", Ct);
        await fixture.FireAsync(decision.Item.PostId!);

        var sent = Assert.Single(fixture.Platform.PublishCalls).Draft;
        Assert.Equal((MessageKind.DirectMessage, "ben", "Hi Ben, yes: we ship to all of Europe within five days."), (sent.Kind, sent.Recipient, sent.Text));
    }

    [Fact]
    public async Task A_reply_the_policy_lets_a_workflow_send_goes_out_unattended_and_the_report_counts_every_origin()
    {
        using var fixture = new PublishingFixture(Conversational());
        fixture.Policy.Current = new UnattendedPolicy([KeyValuePair.Create(Workflow, (IReadOnlyList<string>)["reply"])]);
        await fixture.Audience.RecordAsync("acme", [new AudienceEvent("evt-m2", AudienceEventKind.Mention, "cleo", PublishingFixture.Start.AddMinutes(-10), "@acme open on Sunday?", "post-12")], Ct);
        await fixture.Audience.RecordAsync("acme", [new AudienceEvent("evt-d2", AudienceEventKind.DirectMessage, "dan", PublishingFixture.Start.AddMinutes(-10), "gift cards?")], Ct);

        var unattended = await fixture.Inbox.ProposeAsync(
            Workflow,
            new Proposal("fake", "acme", new PostDraft("Yes Cleo, Sundays from ten to four.") { Kind = MessageKind.Reply, Recipient = "cleo", InReplyTo = "post-12" }, "mention by @cleo") { TriggerEventId = "evt-m2" },
            Ct);
        var fromInbox = await fixture.Inbox.ProposeAsync(
            Workflow,
            new Proposal("fake", "acme", new PostDraft("Hi Dan, gift cards are at the counter.") { Kind = MessageKind.DirectMessage, Recipient = "dan" }, "message from @dan") { TriggerEventId = "evt-d2" },
            Ct);
        await fixture.Inbox.ApproveAsync(fromInbox.Id, "maria", null, Ct);
        var byHand = await fixture.ScheduleAsync(TimeSpan.Zero);

        Assert.Equal(InboxItemStatus.SentUnattended, unattended.Status);
        var sent = await fixture.GetAsync(unattended.PostId!);
        Assert.Equal((PostState.Scheduled, MessageOrigin.Unattended, null), (sent.State, sent.Origin, sent.ApprovedBy));
        foreach (var post in await fixture.Posts.ListAsync(new PostQuery(), Ct))
        {
            await fixture.FireAsync(post.Id);
        }

        fixture.Time.Advance(TimeSpan.FromHours(1));
        var report = await new AutomationReportBuilder(new PostStoreMessageHistory(fixture.Store), fixture.Rejections, fixture.Registry, fixture.Time)
            .BuildAsync(PublishingFixture.Start.AddDays(-1), Ct);

        var row = Assert.Single(report.Rows);
        Assert.Equal(new OriginCounts(1, 0, 0), row.Posts);
        Assert.Equal(new OriginCounts(0, 0, 1), row.Replies);
        Assert.Equal(new OriginCounts(0, 1, 0), row.DirectMessages);
        Assert.Equal(PostState.Published, (await fixture.GetAsync(byHand.Id)).State);
    }

    [Fact]
    public async Task The_stored_history_brings_kind_recipient_and_origin_back_after_a_restart()
    {
        using var fixture = new PublishingFixture(Conversational());
        await fixture.Audience.RecordAsync("acme", [new AudienceEvent("evt-d3", AudienceEventKind.DirectMessage, "eve", PublishingFixture.Start.AddMinutes(-5), "hello?")], Ct);
        var item = await fixture.Inbox.ProposeAsync(
            Workflow,
            new Proposal("fake", "acme", new PostDraft("Hi Eve, thanks for writing; how can we help?") { Kind = MessageKind.DirectMessage, Recipient = "eve" }, "message from @eve") { TriggerEventId = "evt-d3" },
            Ct);
        var decision = await fixture.Inbox.ApproveAsync(item.Id, "maria", null, Ct);

        var history = new List<OutgoingMessage>();
        await foreach (var message in new PostStoreMessageHistory(fixture.Store).ReadSinceAsync(PublishingFixture.Start.AddDays(-1), Ct))
        {
            history.Add(message);
        }

        var stored = Assert.Single(history);
        Assert.Equal(
            (decision.Item.PostId, MessageKind.DirectMessage, "eve", MessageOrigin.Inbox, "evt-d3"),
            (stored.Id, stored.Kind, stored.Draft.Recipient, stored.Origin, stored.TriggerEventId));
    }
}
