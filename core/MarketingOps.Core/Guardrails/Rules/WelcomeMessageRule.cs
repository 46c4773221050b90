using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>Where the platform says so (X), a direct message prompted by a new follow is never sent automatically.</summary>
internal sealed class WelcomeMessageRule : IGuardrailRule
{
    public string Name => GuardrailRuleNames.WelcomeMessage;

    public ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var result = message.Kind != MessageKind.DirectMessage || context.Trigger?.Kind != AudienceEventKind.Follow
            ? GuardrailRuleResult.Allow(Name, "not a welcome message to a new follower")
            : !context.Rules.ForbidsWelcomeMessages
                ? GuardrailRuleResult.Allow(Name, "the platform allows welcome messages")
                : GuardrailRuleResult.ForAutomation(Name, message.Origin, $"a welcome message to new follower @{context.Trigger.Handle} is never automatic");
        return ValueTask.FromResult(result);
    }
}
