using MarketingOps.Core.Accounts;
using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Inbox;

/// <summary>The publishing side's one decision after running the guardrails on a post.</summary>
public static class ApprovalGate
{
    /// <summary>
    /// A rejection refuses the post. Otherwise it waits for approval when its account is set to
    /// <see cref="ClientAccount.ApprovalRequired"/> or a rule asked for approval, unless a person already approved it
    /// (<paramref name="approved"/>: it came from <see cref="IInboxPublisher"/>).
    /// </summary>
    public static PostGateDecision Decide(ClientAccount account, GuardrailVerdict verdict, bool approved = false)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Outcome switch
        {
            GuardrailOutcome.Reject => PostGateDecision.Refuse,
            _ when approved => PostGateDecision.Schedule,
            GuardrailOutcome.NeedsApproval => PostGateDecision.HoldForApproval,
            _ => account.ApprovalRequired ? PostGateDecision.HoldForApproval : PostGateDecision.Schedule,
        };
    }
}
