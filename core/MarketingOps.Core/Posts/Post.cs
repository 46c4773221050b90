using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Posts;

/// <summary>A post as the host stores it; every instant is UTC.</summary>
/// <param name="Id">The host's id for the post.</param>
/// <param name="Account">The account it is published from.</param>
/// <param name="Text">What to publish.</param>
/// <param name="ScheduledAt">The time the user asked for.</param>
/// <param name="State">Where the post is in its life.</param>
/// <param name="IdempotencyKey">Sent with every attempt, so an idempotent platform never creates it twice.</param>
public sealed record Post(string Id, string Account, string Text, DateTimeOffset ScheduledAt, PostState State, string IdempotencyKey)
{
    /// <summary>Media to attach. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>Platform options the user gave (<c>visibility</c>, <c>reply_settings</c>, …), each one the platform declares. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = PlatformOptions.None;

    /// <summary>When the next attempt is due: <see cref="ScheduledAt"/> at first, later after a retry or a rate limit.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>Calls made to the platform's publish.</summary>
    public int Attempts { get; init; }

    /// <summary>Transient failures so far; rate limits do not count.</summary>
    public int TransientFailures { get; init; }

    /// <summary>When the first attempt started.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>The platform's id, once published.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>Where people see it, once published.</summary>
    public Uri? PlatformUrl { get; init; }

    /// <summary>The experiment the post belongs to, if any.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The experiment variant, if any.</summary>
    public string? Variant { get; init; }

    /// <summary>The latest error or reason a human should read.</summary>
    public string? LastError { get; init; }

    /// <summary>The host instance that moved it to <see cref="PostState.Publishing"/>.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When that happened.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>When the post was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the post last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Bumped by every stored change; an update names the version it read (optimistic concurrency).</summary>
    public long Version { get; init; }

    /// <summary>Post, reply or direct message. The default value is <see cref="MessageKind.Post"/>.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Post;

    /// <summary>The handle a reply or direct message is for. The default value is none.</summary>
    public string? Recipient { get; init; }

    /// <summary>The platform id of the post a reply answers. The default value is none.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>How it reaches the network: by hand, approved from the inbox, or unattended. The default value is <see cref="MessageOrigin.Hand"/>.</summary>
    public MessageOrigin Origin { get; init; } = MessageOrigin.Hand;

    /// <summary>The audience event (follow, mention, message) that prompted it. The default value is none.</summary>
    public string? TriggerEventId { get; init; }

    /// <summary>The template it was filled in from. The default value is none.</summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>Who approved it (a person or the inbox), so the check right before sending does not ask again. The default value is none.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>
    /// An earlier attempt may have reached the platform without the host learning its outcome (a timeout, a 5xx after
    /// sending, a crash mid-call), so a repeat could post it twice unless the platform's key still protects it.
    /// The default value is <see langword="false"/>.
    /// </summary>
    public bool MayBeOnPlatform { get; init; }

    /// <summary>The group this post belongs to: one post per account, scheduled together. The default value is none.</summary>
    public string? GroupId { get; init; }

    /// <summary>The id of the thread's first part (this post's own id when it is the first). The default value is none: not a thread.</summary>
    public string? ThreadId { get; init; }

    /// <summary>This part's position in its thread, 1 for the first; 0 when the post is not a thread. The default value is 0.</summary>
    public int ThreadPart { get; init; }

    /// <summary>How many parts its thread has; 0 when the post is not a thread. The default value is 0.</summary>
    public int ThreadParts { get; init; }

    /// <summary>The platform id of the thread's first part, written when this part is linked to the part before it. The default value is none.</summary>
    public string? ThreadRootId { get; init; }

    /// <summary>True for the second and later parts of a thread, which publish only after the part before them.</summary>
    public bool ContinuesThread => ThreadPart > 1;

    /// <summary>True once a later part knows the platform id of the part it replies to.</summary>
    public bool IsLinked => ContinuesThread && InReplyTo is not null && ThreadRootId is not null;

    /// <summary>The draft handed to the platform.</summary>
    /// <remarks>An experiment post carries its variant as the draft option <c>variant</c>: plugins pass on only the options they know, and a simulated network can tell the variants apart by it whatever the wording.</remarks>
    public PostDraft ToDraft() => new(Text)
    {
        Media = Media,
        Kind = Kind,
        Recipient = Recipient,
        InReplyTo = InReplyTo,
        Thread = IsLinked ? new ThreadReference(InReplyTo!, ThreadRootId!, ThreadPart, ThreadParts) : null,
        Options = PlatformOptions.ForDraft(Options, Variant),
    };

    /// <summary>The post as the guardrails judge and remember it, to be sent at <paramref name="at"/>.</summary>
    public OutgoingMessage ToMessage(DateTimeOffset at) => new(Id, Account, ToDraft(), at, Origin)
    {
        ExperimentId = ExperimentId,
        VariantId = Variant,
        TriggerEventId = TriggerEventId,
        Template = Template,
    };
}
