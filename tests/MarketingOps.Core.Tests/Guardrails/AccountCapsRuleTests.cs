using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class AccountCapsRuleTests
{
    [Fact]
    public async Task Posts_up_to_the_cap_are_allowed_and_the_next_is_rejected()
    {
        using var harness = new GuardrailHarness(o => o.PostsPerDay = 3);
        for (var i = 0; i < 3; i++)
        {
            var result = Rule(await harness.SendAsync(harness.Post($"Distinct post number {i} about topic {i * 7}", at: Noon.AddHours(i))), GuardrailRuleNames.AccountCaps);
            Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
            Assert.Contains($"{i + 1} of 3 posts", result.Reason, StringComparison.Ordinal);
        }

        var rejected = Rule(await harness.CheckAsync(harness.Post("A fourth, quite different post", at: Noon.AddHours(5))), GuardrailRuleNames.AccountCaps);
        Assert.Equal(GuardrailOutcome.Reject, rejected.Outcome);
        Assert.Contains("the cap is 3 per 24 h", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(Noon, rejected.Match!.At);
    }

    [Fact]
    public async Task The_cap_comes_from_the_platforms_automation_rules_by_default()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.Post("hello")), GuardrailRuleNames.AccountCaps);
        Assert.Contains("1 of 50 posts", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_window_rolls_and_counts_scheduled_posts_after_the_new_one()
    {
        using var harness = new GuardrailHarness(o => o.PostsPerDay = 2);
        await harness.RecordAsync(harness.Post("first", at: Noon));
        await harness.RecordAsync(harness.Post("second", at: Noon.AddHours(20)));

        // 10 h after the first: the 24 h from noon would hold three posts.
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post("third", at: Noon.AddHours(10))), GuardrailRuleNames.AccountCaps).Outcome);

        // 5 h before the first and 30 h after it: no 24 h holds more than two.
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("third", at: Noon.AddHours(-5))), GuardrailRuleNames.AccountCaps).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("third", at: Noon.AddHours(30))), GuardrailRuleNames.AccountCaps).Outcome);
    }

    [Fact]
    public async Task Replies_are_capped_per_hour()
    {
        using var harness = new GuardrailHarness(o => o.RepliesPerHour = 2);
        await harness.RecordAsync(harness.Reply("one", "ana", at: Noon));
        await harness.RecordAsync(harness.Reply("two", "ben", at: Noon.AddMinutes(30)));

        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Reply("three", "cy", at: Noon.AddMinutes(50))), GuardrailRuleNames.AccountCaps).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Reply("three", "cy", at: Noon.AddMinutes(95))), GuardrailRuleNames.AccountCaps).Outcome);
    }

    [Fact]
    public async Task Direct_messages_are_capped_per_account_not_per_client()
    {
        using var harness = new GuardrailHarness(o => o.DirectMessagesPerDay = 1);
        await harness.RecordAsync(harness.DirectMessage("one", "ana", "acme-x2"));
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.DirectMessage("one", "ana")), GuardrailRuleNames.AccountCaps).Outcome);
        await harness.RecordAsync(harness.DirectMessage("two", "ben"));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.DirectMessage("three", "cy")), GuardrailRuleNames.AccountCaps).Outcome);
    }
}
