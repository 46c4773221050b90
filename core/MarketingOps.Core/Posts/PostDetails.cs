namespace MarketingOps.Core.Posts;

/// <summary>A post with its full history, for <c>mops post show</c>.</summary>
public sealed record PostDetails(Post Post, IReadOnlyList<PostTransition> History)
{
    /// <summary>Every post of its group (one per account, each the first part of its thread), in account order; empty when it has no group. The default value is none.</summary>
    public IReadOnlyList<Post> Group { get; init; } = [];

    /// <summary>Every part of its thread in order; empty when it is not a thread. The default value is none.</summary>
    public IReadOnlyList<Post> Thread { get; init; } = [];

    /// <summary>The text as written and each rewritten link with its clicks, when the client's link settings changed the text. The default value is none.</summary>
    public Links.PostLinks? Links { get; init; }
}
