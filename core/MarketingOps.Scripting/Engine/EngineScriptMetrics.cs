using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.Engine;

/// <summary>
/// Stored snapshots from the experiment store, where the metrics job keeps them: posts of experiments have
/// counters, other posts read as not measured. Waiting on the store's tasks is safe on a script's pool thread.
/// </summary>
internal sealed class EngineScriptMetrics(IExperimentStore store) : IScriptMetrics
{
    private static readonly string[] Counters = [.. PostCounters.Names.Where(n => n != PostCounters.Engagements)];

    public IReadOnlyDictionary<string, MetricSnapshot> Latest(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var wanted = postIds.ToHashSet(StringComparer.Ordinal);
        var latest = new Dictionary<string, MetricSnapshot>(StringComparer.Ordinal);
        foreach (var experiment in Wait(store.ListAsync(cancellationToken)))
        {
            var keys = Wait(store.GetPostsAsync(experiment.Id, cancellationToken))
                .Where(p => p.PostId is not null && wanted.Contains(p.PostId))
                .ToDictionary(p => p.Key, p => p.PostId!);
            if (keys.Count == 0)
            {
                continue;
            }

            foreach (var counters in Wait(store.GetLatestAsync(experiment.Id, cancellationToken)))
            {
                if (keys.TryGetValue(counters.PostKey, out var postId))
                {
                    latest[postId] = ToScript(postId, counters.At, counters.Counters);
                }
            }
        }

        return latest;
    }

    public IReadOnlyList<MetricSnapshot> History(string postId, CancellationToken cancellationToken)
    {
        foreach (var experiment in Wait(store.ListAsync(cancellationToken)))
        {
            if (Wait(store.GetPostsAsync(experiment.Id, cancellationToken)).FirstOrDefault(p => p.PostId == postId) is { } post)
            {
                // A deleted post's snapshot carries no counters; its earlier ones stand.
                return [.. Wait(store.GetHistoryAsync(post.Key, cancellationToken)).Where(s => !s.Deleted).Select(s => ToScript(postId, s.At, s.Counters))];
            }
        }

        return [];
    }

    private static MetricSnapshot ToScript(string postId, DateTimeOffset at, PostCounters counters)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in Counters)
        {
            if (counters.Get(name) is { } value)
            {
                values[name] = value;
            }
        }

        return new MetricSnapshot(postId, at, values);
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
