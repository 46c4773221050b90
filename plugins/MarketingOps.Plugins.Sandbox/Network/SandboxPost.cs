using MarketingOps.Plugins.Sandbox.Engagement;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>A post, reply or direct message the network received.</summary>
internal sealed class SandboxPost
{
    public required string Id { get; init; }

    public required string Account { get; init; }

    public required long Sequence { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Text { get; init; }

    public required MessageKind Kind { get; init; }

    public string? InReplyTo { get; init; }

    public string? Recipient { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required Uri Url { get; init; }

    public required PostEngagement Engagement { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public PublishedPost ToPublished() => new(Id, Url, PublishedAt);

    /// <summary>What makes two messages "the same" for the duplicate rule: same kind, target and exact text.</summary>
    public static string DuplicateKey(PostDraft draft) => DuplicateKey(draft.Kind, draft.InReplyTo, draft.Recipient, draft.Text);

    public string ContentKey => DuplicateKey(Kind, InReplyTo, Recipient, Text);

    private static string DuplicateKey(MessageKind kind, string? inReplyTo, string? recipient, string text) =>
        string.Join('\u001F', kind.ToString(), inReplyTo ?? string.Empty, recipient ?? string.Empty, text);
}
