using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>
/// Something waiting for a person: who it is for (<see cref="PostDraft.Recipient"/>), why it was proposed
/// (<see cref="Trigger"/> and <see cref="Facts"/>) and what the guardrails said.
/// </summary>
public sealed record InboxItem
{
    public required string Id { get; init; }

    public required InboxItemKind Kind { get; init; }

    public required string Platform { get; init; }

    public required string Account { get; init; }

    /// <summary>The text as proposed, or as approved after an edit.</summary>
    public required PostDraft Draft { get; init; }

    /// <summary>Who proposed it: <c>plugin/workflow</c>, <c>script:name</c>, or <c>post</c> for a held post.</summary>
    public required string Source { get; init; }

    /// <summary>The event that prompted it, in words (for example "new follower @ana").</summary>
    public required string Trigger { get; init; }

    public string? TriggerEventId { get; init; }

    /// <summary>The facts used to personalise the draft.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset ProposedAt { get; init; }

    /// <summary>When it is to be sent; <see langword="null"/> means as soon as it is approved.</summary>
    public DateTimeOffset? SendAt { get; init; }

    /// <summary>The latest guardrail verdict (re-checked on every approval).</summary>
    public required GuardrailVerdict Verdict { get; init; }

    public InboxItemStatus Status { get; init; } = InboxItemStatus.Pending;

    /// <summary>For a held post, the waiting post; for a proposal, the post created when it was sent.</summary>
    public string? PostId { get; init; }

    /// <summary>The experiment and variant of a held post, carried into the guardrails' re-check.</summary>
    public string? ExperimentId { get; init; }

    public string? VariantId { get; init; }

    /// <summary>How the message was going to reach the network before it landed here (held posts keep theirs).</summary>
    public MessageOrigin Origin { get; init; } = MessageOrigin.Inbox;

    /// <summary>
    /// A held thread's parts in order, all decided at once (part 1 is also <see cref="Draft"/> and <see cref="PostId"/>);
    /// empty for a single message.
    /// </summary>
    public IReadOnlyList<InboxItemPart> Parts { get; init; } = [];

    /// <summary>Every decision, oldest first.</summary>
    public IReadOnlyList<InboxDecision> Decisions { get; init; } = [];
}
