using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>One part of a thread held as one inbox item: its post, its text, and why it alone would have waited.</summary>
/// <param name="Part">Its place in the thread, from 1.</param>
/// <param name="PostId">The part's own post (each part keeps its own idempotency key).</param>
/// <param name="Draft">The part's text as held, or as approved after an edit.</param>
public sealed record InboxItemPart(int Part, string PostId, PostDraft Draft)
{
    /// <summary>Why this part asked for a person; null when it waits only because another part of its thread does.</summary>
    public string? HeldBecause { get; init; }

    /// <summary>What the guardrails said of this part (re-checked on every approval).</summary>
    public GuardrailVerdict? Verdict { get; init; }
}
