using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Sdk;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class AutomationRulesTests
{
    [Theory]
    [InlineData(MessageOrigin.Unattended, GuardrailOutcome.Reject)]
    [InlineData(MessageOrigin.Inbox, GuardrailOutcome.NeedsApproval)]
    [InlineData(MessageOrigin.Hand, GuardrailOutcome.Allow)]
    public async Task On_X_a_direct_message_to_someone_who_never_wrote_is_not_automated(MessageOrigin origin, GuardrailOutcome expected)
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.DirectMessage("Hi there", "ana", origin: origin)), GuardrailRuleNames.DirectMessageFirstContact);
        Assert.Equal(expected, result.Outcome);
        Assert.Contains("@ana has not messaged the account first", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_answering_their_message_is_allowed()
    {
        using var harness = new GuardrailHarness();
        await harness.AudienceEventAsync("acme-x", new AudienceEvent("e1", AudienceEventKind.DirectMessage, "@Ana", Noon.AddHours(-1), "Do you ship to Spain?"));
        var result = Rule(await harness.CheckAsync(harness.DirectMessage("Yes, we ship to Spain in 3 days.", "ana", origin: MessageOrigin.Unattended)), GuardrailRuleNames.DirectMessageFirstContact);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
    }

    [Fact]
    public async Task A_platform_without_the_rule_allows_direct_messages()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.DirectMessage("Hi there", "ana", "acme-sb", MessageOrigin.Unattended)), GuardrailRuleNames.DirectMessageFirstContact);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
    }

    [Theory]
    [InlineData(MessageOrigin.Unattended, GuardrailOutcome.Reject)]
    [InlineData(MessageOrigin.Inbox, GuardrailOutcome.NeedsApproval)]
    public async Task A_welcome_message_to_a_new_follower_is_never_automatic(MessageOrigin origin, GuardrailOutcome expected)
    {
        using var harness = new GuardrailHarness();
        await harness.AudienceEventAsync("acme-x", new AudienceEvent("f1", AudienceEventKind.Follow, "ana", Noon.AddMinutes(-5)));
        var message = harness.DirectMessage("Welcome aboard!", "ana", origin: origin) with { TriggerEventId = "f1" };

        var verdict = await harness.CheckAsync(message);

        Assert.Equal(expected, Rule(verdict, GuardrailRuleNames.WelcomeMessage).Outcome);
        Assert.Equal(expected, verdict.Outcome);
        Assert.Contains("new follower @ana", Rule(verdict, GuardrailRuleNames.WelcomeMessage).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_automated_reply_to_someone_who_did_not_engage_is_rejected()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.Reply("Check out our product!", "ana", inReplyTo: "p1", origin: MessageOrigin.Unattended)), GuardrailRuleNames.AutoReply);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("has not engaged", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_automated_reply_answers_a_mention_once()
    {
        using var harness = new GuardrailHarness();
        await harness.AudienceEventAsync("acme-x", new AudienceEvent("e7", AudienceEventKind.Mention, "ana", Noon.AddMinutes(-5), "@acme does this work offline?", PostId: "p7"));

        var first = harness.Reply("Yes, it works offline since 2.3.", "ana", inReplyTo: "p7", origin: MessageOrigin.Unattended);
        var firstResult = Rule(await harness.SendAsync(first), GuardrailRuleNames.AutoReply);
        var second = Rule(await harness.CheckAsync(harness.Reply("And it syncs when you are back online.", "ana", inReplyTo: "p7", origin: MessageOrigin.Unattended)), GuardrailRuleNames.AutoReply);

        Assert.Equal(GuardrailOutcome.Allow, firstResult.Outcome);
        Assert.Equal(GuardrailOutcome.Reject, second.Outcome);
        Assert.Equal(first.Id, second.Match!.MessageId);
    }

    [Fact]
    public async Task A_reply_drafted_from_the_trigger_event_finds_its_recipient()
    {
        using var harness = new GuardrailHarness();
        await harness.AudienceEventAsync("acme-x", new AudienceEvent("e8", AudienceEventKind.Reply, "ben", Noon.AddMinutes(-5), "Love it", PostId: "p8"));
        var message = new OutgoingMessage("r1", "acme-x", new PostDraft("Thank you Ben!") { Kind = MessageKind.Reply, InReplyTo = "p8" }, Noon, MessageOrigin.Inbox) { TriggerEventId = "e8" };
        var result = Rule(await harness.CheckAsync(message), GuardrailRuleNames.AutoReply);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
        Assert.Contains("@ben", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_written_by_hand_is_not_automation()
    {
        using var harness = new GuardrailHarness();
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Reply("Great point!", "ana", inReplyTo: "p9")), GuardrailRuleNames.AutoReply).Outcome);
    }

    [Fact]
    public async Task The_sandbox_allows_automated_replies()
    {
        using var harness = new GuardrailHarness();
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Reply("Great point!", "ana", inReplyTo: "p9", account: "acme-sb", origin: MessageOrigin.Unattended)), GuardrailRuleNames.AutoReply).Outcome);
    }
}
