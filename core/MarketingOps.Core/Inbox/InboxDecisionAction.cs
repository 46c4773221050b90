namespace MarketingOps.Core.Inbox;

/// <summary>What happened to an inbox item.</summary>
public enum InboxDecisionAction
{
    /// <summary>Approved and handed to publishing.</summary>
    Approved,

    /// <summary>Rejected with a reason.</summary>
    Rejected,

    /// <summary>An approval the guardrails refused (the item stays pending; edit it and approve again).</summary>
    ApprovalRefused,

    /// <summary>Sent without a person, as the client's policy allows.</summary>
    SentUnattended,
}
