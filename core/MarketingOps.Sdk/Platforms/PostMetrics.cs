namespace MarketingOps.Sdk;

/// <summary>A snapshot of one post's counters; counters the platform does not report are absent, not zero.</summary>
/// <param name="PostId">The platform's id of the post.</param>
/// <param name="Status">Whether counters could be read.</param>
/// <param name="Counters">Counter values by name; see <see cref="MetricNames"/>.</param>
public sealed record PostMetrics(string PostId, MetricsStatus Status, IReadOnlyDictionary<string, long> Counters);
