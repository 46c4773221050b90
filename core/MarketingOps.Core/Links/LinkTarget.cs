using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Links;

/// <summary>Where a short link leads, whose it is, and where that post was when the link was looked up.</summary>
internal sealed record LinkTarget(string Code, string PostId, Uri Target, PostState PostState)
{
    /// <summary>
    /// Whether the link answers at all: only once its post is on its way to the platform (Publishing, since a network's
    /// card fetcher reads the link while the post is being created), on it, or maybe on it (Unconfirmed). Before that
    /// (a draft, in the inbox, Scheduled) and when it never went out (Cancelled, Failed, Missed) nobody was given the
    /// link, and a click would be counted against a post nobody can see.
    /// </summary>
    public bool IsLive => PostState is PostState.Publishing or PostState.Published or PostState.Unconfirmed;

    /// <summary>
    /// The target as a <c>Location</c> header carries it: ASCII only, so a host such as <c>café.example</c> goes in its
    /// IDNA form (<c>xn--caf-dma.example</c>); the path and query are percent-encoded already. A Unicode host was a 500
    /// for every visitor.
    /// </summary>
    public string Location { get; } = string.Equals(Target.Host, Target.IdnHost, StringComparison.Ordinal)
        ? Target.AbsoluteUri
        : new UriBuilder(Target) { Host = Target.IdnHost }.Uri.AbsoluteUri;
}
