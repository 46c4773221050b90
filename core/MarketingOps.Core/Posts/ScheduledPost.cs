using MarketingOps.Core.Guardrails;

namespace MarketingOps.Core.Posts;

/// <summary>A post just scheduled, with anything the user should know about how its time was read.</summary>
public sealed record ScheduledPost(Post Post, string? TimeNote)
{
    /// <summary>What the guardrails said; a post waiting for approval shows why. The default value is an empty verdict.</summary>
    public GuardrailVerdict Verdict { get; init; } = new(Post.Id, []);

    /// <summary>Every part of its thread, this post first; empty when it is not a thread. The default value is none.</summary>
    public IReadOnlyList<Post> Parts { get; init; } = [];

    /// <summary>How the post's links were rewritten (the post's text is what will be published). The default value is none: the text is as written.</summary>
    public Links.LinkRewrite? Links { get; init; }

    /// <summary>How each part's links were rewritten, in the order of <see cref="Parts"/> (null for a part left as written). The default value is none.</summary>
    public IReadOnlyList<Links.LinkRewrite?> PartLinks { get; init; } = [];
}
