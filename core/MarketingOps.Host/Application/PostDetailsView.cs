using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>A post with every recorded change: when, from what, to what, why and by whom.</summary>
internal sealed record PostDetailsView(PostView Post, IReadOnlyList<PostTransition> History);
