using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.InMemory;

/// <summary>Metric snapshots kept in memory; tests record them, the sandbox simulation fills them.</summary>
internal sealed class InMemoryScriptMetrics : IScriptMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<MetricSnapshot>> _snapshots = new(StringComparer.Ordinal);

    public void Record(string postId, DateTimeOffset at, IReadOnlyDictionary<string, long> counters)
    {
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(postId, out var list))
            {
                _snapshots[postId] = list = [];
            }

            list.Add(new MetricSnapshot(postId, at, new Dictionary<string, long>(counters, StringComparer.Ordinal)));
        }
    }

    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        lock (_gate)
        {
            var latest = new Dictionary<string, MetricSnapshot>(StringComparer.Ordinal);
            foreach (var id in postIds)
            {
                if (_snapshots.TryGetValue(id, out var list) && list.Count > 0)
                {
                    latest[id] = list[^1];
                }
            }

            return latest;
        }
    }

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _snapshots.TryGetValue(postId, out var list) ? list.ToList() : [];
        }
    }
}
