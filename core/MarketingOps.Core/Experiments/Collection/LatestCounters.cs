namespace MarketingOps.Core.Experiments.Collection;

/// <summary>The newest counters of one post (missing counters filled from earlier snapshots).</summary>
internal sealed record LatestCounters(long PostKey, int Variant, DateTimeOffset At, PostCounters Counters, bool Deleted);
