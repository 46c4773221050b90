namespace MarketingOps.Scripting;

/// <summary>A post as a script sees it.</summary>
/// <param name="Id">The host's id of the post.</param>
/// <param name="Account">The account it is published from.</param>
/// <param name="Text">The text.</param>
/// <param name="At">When it is (or was) due; null for a draft.</param>
/// <param name="State">Where it is in its life.</param>
public sealed record ScriptPost(string Id, string Account, string Text, DateTimeOffset? At, ScriptPostState State)
{
    /// <summary>The experiment this post belongs to, if any.</summary>
    public string? Experiment { get; init; }

    /// <summary>The experiment variant this post carries, if any.</summary>
    public string? Variant { get; init; }

    /// <summary>Where the published post can be seen.</summary>
    public Uri? Url { get; init; }

    /// <summary>When the platform published it.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
