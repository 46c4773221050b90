namespace MarketingOps.Core.Experiments.Collection;

/// <summary>One post's counters at one moment, as collected.</summary>
/// <param name="PostKey">The experiment post (<see cref="ExperimentPost.Key"/>).</param>
/// <param name="At">When the counters were read (UTC).</param>
/// <param name="Counters">What the platform reported.</param>
/// <param name="Deleted">The platform says the post is gone; its counters are empty and the last known ones stand.</param>
internal sealed record MetricSnapshot(long PostKey, DateTimeOffset At, PostCounters Counters, bool Deleted = false);
