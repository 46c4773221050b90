namespace MarketingOps.Scripting.Hosting;

/// <summary>Latest snapshots in the order asked, for a source that has them so (a worker's cache): <c>Metrics.For</c> then builds no dictionary.</summary>
internal interface IAlignedScriptMetrics
{
    /// <summary>The latest snapshot of each post in <paramref name="postIds"/>, null where a post has none.</summary>
    IReadOnlyList<MetricSnapshot?> LatestInOrder(IReadOnlyList<string> postIds, CancellationToken cancellationToken);
}
