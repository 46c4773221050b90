namespace MarketingOps.Core.Guardrails.Rules;

/// <summary>One check of the guardrail pipeline.</summary>
internal interface IGuardrailRule
{
    /// <summary>The name shown in reasons and counted in the automation report.</summary>
    string Name { get; }

    ValueTask<GuardrailRuleResult> EvaluateAsync(GuardrailContext context, CancellationToken cancellationToken);
}
