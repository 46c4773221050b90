namespace MarketingOps.Core.Guardrails;

/// <summary>One rule's answer about one message.</summary>
/// <param name="Rule">The rule's name, such as <c>near-duplicate</c>.</param>
/// <param name="Outcome">Allow, needs approval or reject.</param>
/// <param name="Reason">Why, in words a user understands.</param>
/// <param name="Match">The earlier message the rule matched, if any.</param>
public sealed record GuardrailRuleResult(string Rule, GuardrailOutcome Outcome, string Reason, GuardrailMatch? Match = null)
{
    public static GuardrailRuleResult Allow(string rule, string reason) => new(rule, GuardrailOutcome.Allow, reason);

    public static GuardrailRuleResult Reject(string rule, string reason, GuardrailMatch? match = null) =>
        new(rule, GuardrailOutcome.Reject, reason, match);

    /// <summary>
    /// For what automation must not do on its own: an unattended message is rejected, one headed for
    /// (or approved from) the inbox needs a person's approval, a hand-written one is allowed.
    /// </summary>
    public static GuardrailRuleResult ForAutomation(string rule, MessageOrigin origin, string reason, GuardrailMatch? match = null) => origin switch
    {
        MessageOrigin.Unattended => new(rule, GuardrailOutcome.Reject, reason, match),
        MessageOrigin.Inbox => new(rule, GuardrailOutcome.NeedsApproval, reason, match),
        _ => new(rule, GuardrailOutcome.Allow, $"written by hand: {reason}", match),
    };

    /// <summary>For what even a person should look at twice: rejected when unattended, otherwise needs approval.</summary>
    public static GuardrailRuleResult ForReview(string rule, MessageOrigin origin, string reason, GuardrailMatch? match = null) =>
        new(rule, origin == MessageOrigin.Unattended ? GuardrailOutcome.Reject : GuardrailOutcome.NeedsApproval, reason, match);
}
