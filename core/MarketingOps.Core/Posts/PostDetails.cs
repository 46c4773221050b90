namespace MarketingOps.Core.Posts;

/// <summary>A post with its full history, for <c>mops post show</c>.</summary>
public sealed record PostDetails(Post Post, IReadOnlyList<PostTransition> History);
