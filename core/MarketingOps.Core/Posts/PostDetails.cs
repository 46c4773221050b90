namespace MarketingOps.Core.Posts;

/// <summary>A post with its full history, for <c>mops post show</c>.</summary>
public sealed record PostDetails(Post Post, IReadOnlyList<PostTransition> History)
{
    /// <summary>The text as written and each rewritten link with its clicks, when the client's link settings changed the text. The default value is none.</summary>
    public Links.PostLinks? Links { get; init; }
}
