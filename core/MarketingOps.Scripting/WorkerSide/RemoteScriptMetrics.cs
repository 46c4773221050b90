using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>The script's <c>Metrics</c> inside a worker: ids go to the host, snapshots come back as copies.</summary>
internal sealed class RemoteScriptMetrics(HostConnection host) : IScriptMetrics
{
    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
        => host.Call<Dictionary<string, MetricSnapshot>>(WorkerMethods.MetricsLatest, (object)postIds.ToArray());

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken)
        => host.Call<List<MetricSnapshot>>(WorkerMethods.MetricsHistory, postId);
}
