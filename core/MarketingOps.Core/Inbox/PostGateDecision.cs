namespace MarketingOps.Core.Inbox;

/// <summary>What the publishing side does with a post after the guardrails.</summary>
public enum PostGateDecision
{
    /// <summary>Schedule it.</summary>
    Schedule,

    /// <summary>Store it as <c>PendingApproval</c> and call <see cref="IInbox.HoldPostAsync"/>.</summary>
    HoldForApproval,

    /// <summary>Do not store or send it; show the verdict.</summary>
    Refuse,
}
