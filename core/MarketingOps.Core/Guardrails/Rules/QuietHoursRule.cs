namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>Nothing automated goes out during the quiet hours of the account's own time zone.</summary>
internal sealed class QuietHoursRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.QuietHours;

    public ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        if (options.QuietHoursStart is not { } start || options.QuietHoursEnd is not { } end)
        {
            return ValueTask.FromResult(GuardrailRuleResult.Allow(Name, "no quiet hours set"));
        }

        var zone = context.Account.TimeZone;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Message.At, zone).DateTime);
        var quiet = start < end ? local >= start && local < end : local >= start || local < end;
        var when = $"{local:HH:mm} in {zone.Id}";
        return ValueTask.FromResult(quiet
            ? GuardrailRuleResult.ForAutomation(Name, context.Message.Origin, $"{when} is inside the quiet hours {start:HH:mm}–{end:HH:mm}")
            : GuardrailRuleResult.Allow(Name, $"{when} is outside the quiet hours {start:HH:mm}–{end:HH:mm}"));
    }
}
