namespace MarketingOps.Sdk;

/// <summary>The kinds of message the host sends.</summary>
public enum MessageKind
{
    /// <summary>A public post.</summary>
    Post,

    /// <summary>A public reply to someone else's post.</summary>
    Reply,

    /// <summary>A private message to one person.</summary>
    DirectMessage,
}
