namespace MarketingOps.Core.Guardrails;

/// <summary>A rule's answer, from least to most severe; a verdict is the most severe answer of its rules.</summary>
public enum GuardrailOutcome
{
    /// <summary>The message may go out.</summary>
    Allow,

    /// <summary>The message may go out once a person approves it in the inbox.</summary>
    NeedsApproval,

    /// <summary>The message must not go out.</summary>
    Reject,
}
