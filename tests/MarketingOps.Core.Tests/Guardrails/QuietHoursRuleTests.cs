using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Guardrails.Rules;
using MarketingOps.Core.Tests.Guardrails.Doubles;
using static MarketingOps.Core.Tests.Guardrails.Doubles.GuardrailHarness;

namespace MarketingOps.Core.Tests.Guardrails;

public sealed class QuietHoursRuleTests
{
    // 14:30 UTC is 23:30 in Tokyo: inside 22:00–07:00 there, the middle of the afternoon in UTC.
    private static readonly DateTimeOffset TokyoNight = new(2026, 3, 2, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MessageOrigin.Unattended, GuardrailOutcome.Reject)]
    [InlineData(MessageOrigin.Inbox, GuardrailOutcome.NeedsApproval)]
    [InlineData(MessageOrigin.Hand, GuardrailOutcome.Allow)]
    public async Task Quiet_hours_are_in_the_accounts_own_time_zone(MessageOrigin origin, GuardrailOutcome expected)
    {
        using var harness = new GuardrailHarness(o => (o.QuietHoursStart, o.QuietHoursEnd) = (new TimeOnly(22, 0), new TimeOnly(7, 0)));

        var tokyo = Rule(await harness.CheckAsync(harness.Reply("おやすみなさい", "ana", account: "acme-tokyo", origin: origin, at: TokyoNight)), GuardrailRuleNames.QuietHours);
        var utc = Rule(await harness.CheckAsync(harness.Reply("Good afternoon", "ana", origin: origin, at: TokyoNight)), GuardrailRuleNames.QuietHours);

        Assert.Equal(expected, tokyo.Outcome);
        Assert.Contains("23:30 in Asia/Tokyo", tokyo.Reason, StringComparison.Ordinal);
        Assert.Equal(GuardrailOutcome.Allow, utc.Outcome);
    }

    [Fact]
    public async Task Quiet_hours_within_one_day_work_too()
    {
        using var harness = new GuardrailHarness(o => (o.QuietHoursStart, o.QuietHoursEnd) = (new TimeOnly(12, 0), new TimeOnly(13, 0)));
        Assert.Equal(GuardrailOutcome.Reject, Rule(await harness.CheckAsync(harness.Post("lunch", origin: MessageOrigin.Unattended, at: Noon.AddMinutes(10))), GuardrailRuleNames.QuietHours).Outcome);
        Assert.Equal(GuardrailOutcome.Allow, Rule(await harness.CheckAsync(harness.Post("lunch", origin: MessageOrigin.Unattended, at: Noon.AddMinutes(60))), GuardrailRuleNames.QuietHours).Outcome);
    }

    [Fact]
    public async Task Without_quiet_hours_nothing_is_held()
    {
        using var harness = new GuardrailHarness();
        var result = Rule(await harness.CheckAsync(harness.Post("night owl", origin: MessageOrigin.Unattended, at: TokyoNight)), GuardrailRuleNames.QuietHours);
        Assert.Equal(GuardrailOutcome.Allow, result.Outcome);
        Assert.Equal("no quiet hours set", result.Reason);
    }
}
