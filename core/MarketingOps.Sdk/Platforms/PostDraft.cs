namespace MarketingOps.Sdk;

/// <summary>Something to publish: a post, a reply or a direct message.</summary>
/// <param name="Text">The text as the user wrote it.</param>
public sealed record PostDraft(string Text)
{
    /// <summary>The kind of message. The default value is <see cref="MessageKind.Post"/>.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Post;

    /// <summary>Media to attach. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>The platform id of the post a reply answers.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>
    /// Set when the draft continues a thread of the same account (a thread part or a first comment): publish it as a reply
    /// to <see cref="ThreadReference.ParentId"/>. It is a post of the account's own, not a reply to someone. The default value is none.
    /// </summary>
    public ThreadReference? Thread { get; init; }

    /// <summary>The handle a direct message goes to.</summary>
    public string? Recipient { get; init; }

    /// <summary>Platform-specific options (visibility, language, spoiler text, reply settings). The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}
