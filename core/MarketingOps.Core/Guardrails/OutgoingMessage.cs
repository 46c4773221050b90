using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails;

/// <summary>A post, reply or direct message as the guardrails judge it and remember it.</summary>
/// <param name="Id">Stable id (the post's or the inbox item's); a re-check of the same message never matches itself.</param>
/// <param name="Account">The sending account's name.</param>
/// <param name="Draft">What would be sent; <see cref="PostDraft.Recipient"/> names the person a reply or message is for.</param>
/// <param name="At">When it is (or was) to be sent.</param>
/// <param name="Origin">How it reaches the network.</param>
public sealed record OutgoingMessage(string Id, string Account, PostDraft Draft, DateTimeOffset At, MessageOrigin Origin)
{
    /// <summary>The experiment the message is a variant of, if any.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The variant's id within <see cref="ExperimentId"/>.</summary>
    public string? VariantId { get; init; }

    /// <summary>The audience event (follow, mention, reply, message) that prompted the message, if any.</summary>
    public string? TriggerEventId { get; init; }

    /// <summary>The recipient's display name; left out when comparing messages, like their handle.</summary>
    public string? RecipientName { get; init; }

    /// <summary>The template the message was filled in from, if any.</summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>The kind of message.</summary>
    public MessageKind Kind => Draft.Kind;
}
