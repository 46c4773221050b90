namespace MarketingOps.Core.Experiments.Collection;

/// <summary>What one metrics collection round did.</summary>
/// <param name="Experiments">Running experiments looked at.</param>
/// <param name="PostsAsked">Published experiment posts whose counters were asked for.</param>
/// <param name="Batches">Metrics calls made (each at most the platform's batch size).</param>
/// <param name="Snapshots">Snapshots stored.</param>
/// <param name="Deleted">Posts the platform reported deleted this round.</param>
/// <param name="Unavailable">Posts the platform did not return this round (no snapshot stored).</param>
/// <param name="FailedBatches">Metrics calls that threw; their posts are asked again next round.</param>
/// <param name="Decided">Experiments whose decision rule fired this round.</param>
internal sealed record CollectionSummary(int Experiments, int PostsAsked, int Batches, int Snapshots, int Deleted, int Unavailable, int FailedBatches, int Decided)
{
    /// <summary>Published posts (experiment or not) whose newest counters were stored for the post analytics.</summary>
    public int PostsCollected { get; init; }

    /// <summary>Posts left for the next round because a platform's metrics budget was spent.</summary>
    public int Deferred { get; init; }
}
