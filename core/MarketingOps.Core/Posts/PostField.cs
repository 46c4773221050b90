namespace MarketingOps.Core.Posts;

/// <summary>The part of a schedule request a problem is about, so each caller can name it in its own terms (a CLI option, a field of an experiment file).</summary>
public enum PostField
{
    /// <summary>The account, or its platform not being active.</summary>
    Account,

    /// <summary>The time zone a local time is read in.</summary>
    TimeZone,

    /// <summary>When the post is due.</summary>
    At,

    /// <summary>The text as given (empty).</summary>
    Text,

    /// <summary>The platform's own rules for the draft (length, media): the message names the platform and the count.</summary>
    Platform,

    /// <summary>The recipient of a direct message.</summary>
    Recipient,

    /// <summary>The post a reply answers.</summary>
    InReplyTo,

    /// <summary>A platform option the platform does not take.</summary>
    Options,

    /// <summary>The guardrails refused it: the message names each rule and what it matched.</summary>
    Guardrails,
}
