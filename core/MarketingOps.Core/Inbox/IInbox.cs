using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// The human approval inbox: proposals from workflows and scripts, and posts held for approval, wait here for a
/// person; every decision is recorded with who made it and when.
/// </summary>
public interface IInbox
{
    /// <summary>
    /// Takes a proposal from <paramref name="source"/> (<c>plugin/workflow</c> or <c>script:name</c>). It waits for a person
    /// unless the client's policy lets the source send its kind unattended and the guardrails allow it outright.
    /// A second proposal for the same trigger event returns the first item.
    /// </summary>
    Task<InboxItem> ProposeAsync(string source, Proposal proposal, CancellationToken cancellationToken);

    /// <summary>
    /// Holds a post the publishing side stored as <c>PendingApproval</c> (see <see cref="ApprovalGate"/>); <see cref="OutgoingMessage.Id"/> is the post id.
    /// </summary>
    Task<InboxItem> HoldPostAsync(OutgoingMessage post, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Builds, without storing, the item that holds a post; the post store writes it in the same transaction as the
    /// post's <c>PendingApproval</c> state.
    /// </summary>
    Task<InboxItem> PrepareHoldAsync(OutgoingMessage post, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Builds, without storing, the one item that holds every part of a thread (<paramref name="parts"/> in order, with
    /// why each part asked for a person, or null); the post store writes it with the parts' <c>PendingApproval</c> states.
    /// </summary>
    Task<InboxItem> PrepareThreadHoldAsync(IReadOnlyList<OutgoingMessage> parts, IReadOnlyList<string?> reasons, CancellationToken cancellationToken);

    Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Items, oldest first; all of them when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken);

    /// <summary>One page of <see cref="ListAsync"/>'s items (<paramref name="skip"/>, then at most <paramref name="take"/>), and the count of all.</summary>
    Task<InboxPage> ListPageAsync(InboxItemStatus? status, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Approves a pending item, optionally with edited text. The guardrails check it again (the edit included); if they
    /// reject it the item stays pending with the new verdict and the refusal is recorded, otherwise it goes to publishing.
    /// </summary>
    Task<InboxDecisionResult> ApproveAsync(string id, string decidedBy, string? editedText, CancellationToken cancellationToken);

    /// <summary>
    /// Approves a pending item as <see cref="ApproveAsync(string, string, string?, CancellationToken)"/> does; for a held
    /// thread every part is checked and released in order, and <paramref name="editedText"/> replaces the text of
    /// <paramref name="editedPart"/>, which a thread's edit must name.
    /// </summary>
    Task<InboxDecisionResult> ApproveAsync(string id, string decidedBy, string? editedText, int? editedPart, CancellationToken cancellationToken);

    /// <summary>
    /// Approves a pending item as <see cref="ApproveAsync(string, string, string?, int?, CancellationToken)"/> does, with
    /// any number of <paramref name="edits"/>, each replacing one part's text (part 1 of a single message), each part at
    /// most once.
    /// </summary>
    Task<InboxDecisionResult> ApproveWithEditsAsync(string id, string decidedBy, IReadOnlyList<PartEdit> edits, CancellationToken cancellationToken);

    /// <summary>Rejects a pending item; a held post is discarded (a held thread with all its parts).</summary>
    Task<InboxItem> RejectAsync(string id, string decidedBy, string reason, CancellationToken cancellationToken);
}
