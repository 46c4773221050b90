namespace MarketingOps.Core.Inbox;

/// <summary>What an inbox item waits for.</summary>
public enum InboxItemKind
{
    /// <summary>A reply or message a workflow or script drafted; approving it creates the post.</summary>
    Proposal,

    /// <summary>A post that already exists as <c>PendingApproval</c> (its account requires approval, or the guardrails asked for it); approving it schedules it.</summary>
    HeldPost,
}
