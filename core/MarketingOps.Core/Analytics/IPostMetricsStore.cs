namespace MarketingOps.Core.Analytics;

/// <summary>The newest counters of every published post, kept beside the experiment store's metrics.</summary>
internal interface IPostMetricsStore
{
    /// <summary>Starts tracking posts not tracked yet (due at once); posts already tracked are left as they are.</summary>
    Task TrackAsync(IReadOnlyList<PostMetricsRow> posts, CancellationToken cancellationToken);

    /// <summary>Tracked posts due for collection at <paramref name="now"/>, longest overdue first.</summary>
    Task<IReadOnlyList<PostMetricsRow>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Stores collected counters (a counter the platform left out keeps its last value) and the next collection time.</summary>
    Task RecordAsync(IReadOnlyList<PostMetricsRow> collected, CancellationToken cancellationToken);

    /// <summary>Posts published at or after <paramref name="since"/>, of <paramref name="account"/> when given, oldest first.</summary>
    Task<IReadOnlyList<PostMetricsRow>> ListAsync(DateTimeOffset since, string? account, CancellationToken cancellationToken);
}
