using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// The publishing hook the inbox hands decided items to; the host wires it to the post service.
/// Every call gets a message the guardrails have just passed.
/// </summary>
public interface IInboxPublisher
{
    /// <summary>An approved (or unattended) proposal: create the post and schedule it for <see cref="OutgoingMessage.At"/>. Returns the post id.</summary>
    Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>A post waiting as <c>PendingApproval</c> was approved: schedule it, with the draft as approved (possibly edited). <see cref="OutgoingMessage.Id"/> is the post id.</summary>
    Task ReleaseAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>A post waiting as <c>PendingApproval</c> was rejected: it must never be sent.</summary>
    Task DiscardAsync(string postId, string reason, CancellationToken cancellationToken);
}
