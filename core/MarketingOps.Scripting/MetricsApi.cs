using System.Diagnostics;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting;

/// <summary>Reading stored metrics: the script's <c>Metrics</c>.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class MetricsApi
{
    private readonly IScriptMetrics _metrics;
    private readonly CancellationToken _cancellationToken;

    internal MetricsApi(IScriptMetrics metrics, CancellationToken cancellationToken)
    {
        _metrics = metrics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The latest counters of a post (empty when it has not been measured yet).</summary>
    public MetricSnapshot For(ScriptPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return For(post.Id);
    }

    /// <summary>The latest counters of a post by id (empty when it has not been measured yet).</summary>
    public MetricSnapshot For(string postId)
        => _metrics.Latest([postId], _cancellationToken).TryGetValue(postId, out var snapshot) ? snapshot : MetricSnapshot.None(postId);

    /// <summary>The latest counters of several posts at once, in the same order.</summary>
    public IReadOnlyList<MetricSnapshot> For(IEnumerable<ScriptPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var ids = posts.Select(p => p.Id).ToList();
        if (_metrics is IAlignedScriptMetrics aligned)
        {
            var inOrder = aligned.LatestInOrder(ids, _cancellationToken);
            var snapshots = new List<MetricSnapshot>(ids.Count);
            for (var i = 0; i < ids.Count; i++)
            {
                snapshots.Add(inOrder[i] ?? MetricSnapshot.None(ids[i]));
            }

            return snapshots;
        }

        var latest = _metrics.Latest(ids, _cancellationToken);
        return ids.Select(id => latest.TryGetValue(id, out var s) ? s : MetricSnapshot.None(id)).ToList();
    }

    /// <summary>Every snapshot of a post, oldest first: how its counters grew.</summary>
    public IReadOnlyList<MetricSnapshot> History(string postId) => _metrics.History(postId, _cancellationToken);

    /// <summary>Each counter summed over the posts' latest snapshots (counters no post reported are absent).</summary>
    public IReadOnlyDictionary<string, long> Total(IEnumerable<ScriptPost> posts)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var snapshot in For(posts))
        {
            foreach (var (name, value) in snapshot.Counters)
            {
                totals[name] = totals.GetValueOrDefault(name) + value;
            }
        }

        return totals;
    }
}
