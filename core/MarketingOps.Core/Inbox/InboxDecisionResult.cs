using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Inbox;

/// <summary>The outcome of an approval: the item as it now stands, and whether it went to publishing.</summary>
/// <param name="Item">The item after the decision.</param>
/// <param name="Published">True when the item went to publishing; false when the guardrails refused it.</param>
public sealed record InboxDecisionResult(InboxItem Item, bool Published)
{
    public GuardrailVerdict Verdict => Item.Verdict;
}
