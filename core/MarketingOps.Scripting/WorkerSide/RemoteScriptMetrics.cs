using System.Diagnostics;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>The script's <c>Metrics</c> inside a worker: ids go to the host, snapshots come back as copies, the latest ones through the worker's cache.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteScriptMetrics(HostConnection host, WorkerValueCache cache) : IScriptMetrics, IAlignedScriptMetrics
{
    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var ids = postIds.ToArray();
        var inOrder = cache.Latest(host, ids);
        var latest = new Dictionary<string, MetricSnapshot>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (inOrder[i] is { } snapshot)
            {
                latest[ids[i]] = snapshot;
            }
        }

        return latest;
    }

    public IReadOnlyList<MetricSnapshot?> LatestInOrder(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        return cache.Latest(host, [.. postIds]);
    }

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken)
        => host.Call<List<MetricSnapshot>>(WorkerMethods.MetricsHistory, postId);
}
