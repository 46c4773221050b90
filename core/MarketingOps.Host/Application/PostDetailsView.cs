using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>A post with every recorded change: when, from what, to what, why and by whom.</summary>
internal sealed record PostDetailsView(PostView Post, IReadOnlyList<PostTransition> History)
{
    /// <summary>Every post of its group (one per account, each the first part of its thread); empty when it has no group.</summary>
    public IReadOnlyList<PostView> Group { get; init; } = [];

    /// <summary>Every part of its thread, in order; empty when it is not a thread.</summary>
    public IReadOnlyList<PostView> Thread { get; init; } = [];

    /// <summary>Where its thread stopped and why, while it does not go on by itself; null otherwise.</summary>
    public string? ThreadStopped { get; init; }
}
