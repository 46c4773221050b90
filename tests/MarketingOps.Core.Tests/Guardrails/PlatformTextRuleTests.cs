using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using MarketingOps.Sdk;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class PlatformTextRuleTests
{
    [Fact]
    public async Task Short_text_is_allowed_with_its_measured_length()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.Post("Spring sale starts today")), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
        Assert.Contains("length 24 of 280", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cjk_text_weighs_double_on_X_but_fits_a_grapheme_platform()
    {
        using var harness = new GuardrailHarness();
        var text = string.Concat(Enumerable.Repeat("春のセール開始", 21)); // 147 characters, weight 294

        var onX = Rule(await harness.CheckAsync(harness.Post(text)), GuardrailRuleNames.PlatformText);
        var onSandbox = Rule(await harness.CheckAsync(harness.Post(text, "acme-sb")), GuardrailRuleNames.PlatformText);

        Assert.Equal(GuardrailOutcome.Reject, onX.Outcome);
        Assert.Contains("length 294 of 280", onX.Reason, StringComparison.Ordinal);
        Assert.Equal(GuardrailOutcome.Allow, onSandbox.Outcome);
    }

    [Fact]
    public async Task An_emoji_family_counts_as_one_grapheme()
    {
        using var harness = new GuardrailHarness();
        var text = new string('a', 499) + "👨‍👩‍👧"; // 500 graphemes, 507 UTF-16 units
        var result = Rule(await harness.CheckAsync(harness.Post(text, "acme-sb")), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);

        var tooLong = Rule(await harness.CheckAsync(harness.Post(text + "🎉", "acme-sb")), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Reject, tooLong.Outcome);
    }

    [Fact]
    public async Task Too_many_media_attachments_are_rejected()
    {
        using var harness = new GuardrailHarness();
        var media = Enumerable.Range(0, 5).Select(i => new MediaAttachment($"/tmp/{i}.png", "image/png")).ToList();
        var message = harness.Post("Five photos") with { Draft = new PostDraft("Five photos") { Media = media } };
        var result = Rule(await harness.CheckAsync(message), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("at most 4 media", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_the_platform_cannot_send_is_rejected()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.DirectMessage("hello", "ana", "acme-board")), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("does not support direct messages", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_without_recipient_is_rejected()
    {
        using var harness = new GuardrailHarness();
        var message = harness.Post("hello") with { Draft = new PostDraft("hello") { Kind = MessageKind.DirectMessage } };
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(message), GuardrailRuleNames.PlatformText).Outcome);
    }

    [Fact]
    public async Task An_inactive_platform_rejects_with_its_name()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.Post("hello", "acme-gone")), GuardrailRuleNames.PlatformText);
        Assert.Equal(GuardrailOutcome.Reject, result.Outcome);
        Assert.Contains("'gone' is not active", result.Reason, StringComparison.Ordinal);
    }
}
