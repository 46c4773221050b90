using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class GuardrailPipelineTests
{
    [Fact]
    public async Task Every_rule_answers_in_order_and_the_verdict_is_the_most_severe()
    {
        using var harness = new GuardrailHarness();
        var verdict = await harness.CheckAsync(harness.DirectMessage("Hello!", "ana", origin: MessageOrigin.Inbox));

        Assert.Equal(
            [GuardrailRuleNames.PlatformText, GuardrailRuleNames.DuplicateContent, GuardrailRuleNames.FanOut, GuardrailRuleNames.AccountCaps,
             GuardrailRuleNames.QuietHours, GuardrailRuleNames.DirectMessageFirstContact, GuardrailRuleNames.WelcomeMessage, GuardrailRuleNames.AutoReply],
            verdict.Results.Select(r => r.Rule));
        Assert.Equal(GuardrailOutcome.NeedsApproval, verdict.Outcome);
        Assert.StartsWith("needs approval: [dm-first-contact]", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_records_rejections_and_explain_does_not()
    {
        using var harness = new GuardrailHarness();
        var tooLong = harness.Post(new string('x', 300));

        await harness.Guardrails.ExplainAsync(tooLong, TestContext.Current.CancellationToken);
        Assert.Empty(harness.Rejections.Snapshot());

        await harness.CheckAsync(tooLong);
        var rejection = Assert.Single(harness.Rejections.Snapshot());
        Assert.Equal((tooLong.Id, "acme-x", GuardrailRuleNames.PlatformText, Noon), (rejection.MessageId, rejection.Account, rejection.Rule, rejection.At));
    }

    [Fact]
    public async Task The_ledger_starts_from_the_message_history()
    {
        var history = new InMemoryMessageHistory();
        using (var seed = new GuardrailHarness())
        {
            history.Add(seed.Post("Our spring sale starts today! 20% off everything in store.", at: Noon.AddDays(-2)) with { Id = "old-1" });
            history.Add(seed.Post("Something from long ago", at: Noon.AddDays(-90)) with { Id = "ancient" });
        }

        using var harness = new GuardrailHarness(history: history);
        var result = Rule(await harness.CheckAsync(harness.Post("Our SPRING sale starts today!!! 20% off everything in store 🎉")), GuardrailRuleNames.DuplicateContent);

        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Equal("old-1", result.Match!.MessageId);
        Assert.Equal(1, harness.Pipeline.Ledger.Count); // the 90-day-old post is beyond every window
    }

    [Fact]
    public async Task A_forgotten_message_no_longer_counts()
    {
        using var harness = new GuardrailHarness();
        var post = harness.Post("We are hiring a product designer in Berlin");
        await harness.SendAsync(post);
        await harness.Guardrails.ForgetAsync(post.Id, TestContext.Current.CancellationToken);
        Assert.Equal(GuardrailOutcome.Allow, (await harness.CheckAsync(harness.Post("We are hiring a product designer in Berlin"))).Outcome);
    }

    [Fact]
    public async Task An_unknown_account_is_rejected()
    {
        using var harness = new GuardrailHarness();
        var verdict = await harness.CheckAsync(harness.Post("hello", "nobody"));
        Assert.Equal(GuardrailOutcome.Reject, verdict.Outcome);
        Assert.Equal(GuardrailRuleNames.Account, Assert.Single(verdict.Results).Rule);
    }
}
