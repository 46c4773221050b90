namespace MarketingOps.Core.Experiments;

/// <summary>What one metrics collection round did.</summary>
/// <param name="Experiments">Running experiments looked at.</param>
/// <param name="PostsAsked">Published posts whose counters were asked for.</param>
/// <param name="Batches">Metrics calls made (each at most the platform's batch size).</param>
/// <param name="Snapshots">Snapshots stored.</param>
/// <param name="Deleted">Posts the platform reported deleted this round.</param>
/// <param name="Unavailable">Posts the platform did not return this round (no snapshot stored).</param>
/// <param name="FailedBatches">Metrics calls that threw; their posts are asked again next round.</param>
/// <param name="Decided">Experiments whose decision rule fired this round.</param>
internal sealed record CollectionSummary(int Experiments, int PostsAsked, int Batches, int Snapshots, int Deleted, int Unavailable, int FailedBatches, int Decided);
