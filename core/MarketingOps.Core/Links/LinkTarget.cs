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
}
