namespace MarketingOps.Core.Guardrails;

/// <summary>Every rule's answer about one message, and the overall outcome: the most severe of them.</summary>
/// <param name="MessageId">The checked message's id.</param>
/// <param name="Results">Each rule's answer, in pipeline order.</param>
public sealed record GuardrailVerdict(string MessageId, IReadOnlyList<GuardrailRuleResult> Results)
{
    /// <summary>The most severe outcome of any rule.</summary>
    public GuardrailOutcome Outcome => Results.Count == 0 ? GuardrailOutcome.Allow : Results.Max(r => r.Outcome);

    /// <summary>The answers that are not <see cref="GuardrailOutcome.Allow"/>.</summary>
    public IEnumerable<GuardrailRuleResult> Concerns => Results.Where(r => r.Outcome != GuardrailOutcome.Allow);

    /// <summary>One line: the outcome and the rules that caused it.</summary>
    public string Summary => Outcome == GuardrailOutcome.Allow
        ? "allow"
        : $"{OutcomeName(Outcome)}: " + string.Join("; ", Concerns.Where(r => r.Outcome == Outcome).Select(r => $"[{r.Rule}] {r.Reason}"));

    public static string OutcomeName(GuardrailOutcome outcome) => outcome switch
    {
        GuardrailOutcome.Allow => "allow",
        GuardrailOutcome.NeedsApproval => "needs approval",
        _ => "reject",
    };
}
