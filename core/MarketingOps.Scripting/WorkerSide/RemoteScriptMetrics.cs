using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>The script's <c>Metrics</c> inside a worker: ids go to the host, snapshots come back as copies.</summary>
internal sealed class RemoteScriptMetrics(HostConnection host) : IScriptMetrics
{
    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        // The host answers in the order asked, a missing snapshot as nil.
        var ids = postIds.ToArray();
        var snapshots = host.Call<MetricSnapshot?[]>(WorkerMethods.MetricsLatest, (object)ids);
        if (snapshots.Length != ids.Length)
        {
            throw new InvalidOperationException($"The host answered {snapshots.Length} snapshots for {ids.Length} posts.");
        }

        var latest = new Dictionary<string, MetricSnapshot>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (snapshots[i] is { } snapshot)
            {
                latest[ids[i]] = snapshot;
            }
        }

        return latest;
    }

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken)
        => host.Call<List<MetricSnapshot>>(WorkerMethods.MetricsHistory, postId);
}
