using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Posts;

/// <summary>What a caller asks to schedule.</summary>
/// <param name="Account">The account's name.</param>
/// <param name="At">ISO 8601 with an offset, or a local time read in <see cref="TimeZone"/> or the account's zone.</param>
/// <param name="Text">The post's text.</param>
public sealed record ScheduleRequest(string Account, string At, string Text)
{
    /// <summary>IANA zone for a local <see cref="At"/>. The default value is the account's zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Media to attach. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>The experiment the post belongs to. The default value is none.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>The experiment variant. The default value is none.</summary>
    public string? Variant { get; init; }

    /// <summary>Who asked (cli, script, workflow), for the history. The default value is <c>cli</c>.</summary>
    public string Source { get; init; } = "cli";

    /// <summary>Post, reply or direct message. The default value is <see cref="MessageKind.Post"/>.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Post;

    /// <summary>The handle a reply or direct message is for. The default value is none.</summary>
    public string? Recipient { get; init; }

    /// <summary>The platform id of the post a reply answers. The default value is none.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>How the message reaches the network. The default value is <see cref="MessageOrigin.Hand"/>.</summary>
    public MessageOrigin Origin { get; init; } = MessageOrigin.Hand;

    /// <summary>The audience event that prompted the message. The default value is none.</summary>
    public string? TriggerEventId { get; init; }

    /// <summary>The template the message was filled in from. The default value is none.</summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>Who already approved it in the inbox; a rule's "needs approval" is then satisfied. The default value is none.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>
    /// Why the post must wait for a person even when its account and the guardrails would let it go (a proposal from an
    /// AI assistant, for example). The default value is none.
    /// </summary>
    public string? HoldReason { get; init; }

    /// <summary>
    /// The parts that follow <see cref="Text"/> in a thread, each published as a reply to the one before it once that one
    /// is out; one part is a "first comment". The default value is none: a single post.
    /// </summary>
    public IReadOnlyList<string> ThreadTexts { get; init; } = [];

    /// <summary>The links' <c>utm_campaign</c> when the client tags links (an experiment's name). The default value is the client's <c>Links:Campaign</c>.</summary>
    public string? Campaign { get; init; }

    /// <summary>Platform options (<c>visibility</c>, <c>reply_settings</c>, …), each one the platform declares. The default value is none.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = PlatformOptions.None;

    /// <summary>The draft the platform validates.</summary>
    public PostDraft ToDraft() => new(Text) { Media = Media, Kind = Kind, Recipient = Recipient, InReplyTo = InReplyTo, Options = PlatformOptions.ForDraft(Options, Variant) };
}
