using MarketingOps.Core.Experiments.Planning;

namespace MarketingOps.Core.Experiments;

/// <summary>A planned post of an experiment and what became of it.</summary>
/// <param name="Key">The store's number for the post, used by its metric snapshots.</param>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Plan">Where the planner put it.</param>
/// <param name="Status">What became of it.</param>
internal sealed record ExperimentPost(long Key, string ExperimentId, PlannedPost Plan, ExperimentPostStatus Status)
{
    /// <summary>The publishing service's id of the post, once scheduled.</summary>
    public string? PostId { get; init; }

    /// <summary>The platform's id, once published.</summary>
    public string? PlatformPostId { get; init; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Why it was refused or failed.</summary>
    public string? Detail { get; init; }

    public int Variant => Plan.Variant;

    public string Account => Plan.Account;
}
