using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>Where the platform says so (X), automation may direct-message only someone who messaged the account first.</summary>
internal sealed class DirectMessageFirstContactRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.DirectMessageFirstContact;

    public async ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Kind != MessageKind.DirectMessage)
        {
            return GuardrailRuleResult.Allow(Name, "not a direct message");
        }

        if (!context.Rules.DirectMessageRequiresPriorMessage)
        {
            return GuardrailRuleResult.Allow(Name, "the platform allows direct messages to anyone");
        }

        if (context.Recipient is not { } recipient)
        {
            return GuardrailRuleResult.ForAutomation(Name, message.Origin, "the direct message names no recipient");
        }

        var events = await context.Audience.GetEventsFromAsync(message.Account, recipient, cancellationToken);
        var first = events.FirstOrDefault(e => e.Kind == AudienceEventKind.DirectMessage && e.OccurredAt <= message.At);
        return first is not null
            ? GuardrailRuleResult.Allow(Name, $"@{recipient} messaged the account first at {first.OccurredAt:yyyy-MM-dd HH:mm}Z")
            : GuardrailRuleResult.ForAutomation(Name, message.Origin, $"@{recipient} has not messaged the account first, and the platform forbids automated direct messages to them");
    }
}
