namespace MarketingOps.Core.Posts;

/// <summary>Which posts to list.</summary>
/// <param name="State">Only posts in this state, when set.</param>
/// <param name="Account">Only posts of this account, when set.</param>
/// <param name="Limit">At most this many, newest scheduled time last.</param>
/// <param name="DueBefore">Only posts due before this instant, when set.</param>
public sealed record PostQuery(PostState? State = null, string? Account = null, int Limit = 1000, DateTimeOffset? DueBefore = null)
{
    /// <summary>Only posts due at or after this instant. The default value is none.</summary>
    public DateTimeOffset? DueFrom { get; init; }

    /// <summary>Only posts of this experiment. The default value is none.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>Only the posts of this group. The default value is none.</summary>
    public string? GroupId { get; init; }

    /// <summary>Only the parts of this thread (the id of its first part). The default value is none.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Only posts the platform knows by this id. The default value is none.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>Keyset paging: only posts after this one in list order (due time, then id). The default value is none.</summary>
    public PostCursor? After { get; init; }
}
