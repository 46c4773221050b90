namespace MarketingOps.Scripting.Hosting;

/// <summary>Stored metric snapshots as scripts read them; reads the store, never the network.</summary>
public interface IScriptMetrics
{
    /// <summary>The latest snapshot of each post that has one; posts without snapshots are absent.</summary>
    IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken);

    /// <summary>Every snapshot of one post, oldest first.</summary>
    IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken);
}
