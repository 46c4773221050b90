using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// The publishing hook the inbox hands decided items to; the host wires it to the post service.
/// Every call gets a message the guardrails have just passed, and who decided (<c>policy</c> for unattended sends).
/// A person already approved it: a needs-approval verdict on the post service's own check is satisfied (see <see cref="ApprovalGate"/>).
/// </summary>
public interface IInboxPublisher
{
    /// <summary>An approved (or unattended) proposal: create the post and schedule it for <see cref="OutgoingMessage.At"/>. Returns the post id.</summary>
    Task<string> SendAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken);

    /// <summary>A post waiting as <c>PendingApproval</c> was approved: schedule it, with the draft as approved (possibly edited). <see cref="OutgoingMessage.Id"/> is the post id.</summary>
    Task ReleaseAsync(OutgoingMessage message, string decidedBy, CancellationToken cancellationToken);

    /// <summary>A post waiting as <c>PendingApproval</c> was rejected: it must never be sent.</summary>
    Task DiscardAsync(string postId, string decidedBy, string reason, CancellationToken cancellationToken);
}
