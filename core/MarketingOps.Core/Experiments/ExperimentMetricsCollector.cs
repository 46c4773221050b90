using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Experiments;

/// <summary>
/// The metrics job of running experiments (<see cref="IRecurringWork"/> named <c>experiment-metrics</c>): learns
/// which scheduled posts were published, fetches every published post's counters per account in batches as large
/// as the platform allows, stores each snapshot with its time, then lets every experiment take a look.
/// A deleted post keeps its last counters; a post the platform skips this round is simply asked again next round.
/// </summary>
internal sealed class ExperimentMetricsCollector(
    IExperimentStore store,
    ExperimentService experiments,
    IExperimentPublisher publisher,
    IPlatformRegistry registry,
    TimeProvider time,
    ILogger<ExperimentMetricsCollector> logger) : IRecurringWork
{
    public const string WorkName = "experiment-metrics";

    public string Name => WorkName;

    public Task RunAsync(CancellationToken cancellationToken) => CollectAsync(cancellationToken);

    public async Task<CollectionSummary> CollectAsync(CancellationToken cancellationToken)
    {
        var running = await store.ListAsync([ExperimentState.Running], cancellationToken);
        var targets = new List<ExperimentPost>();
        foreach (var experiment in running)
        {
            var posts = await RefreshAsync(experiment, cancellationToken);
            targets.AddRange(posts.Where(p => p.Status == ExperimentPostStatus.Published && p.PlatformPostId is not null));
        }

        var now = time.GetUtcNow();
        var snapshots = new List<MetricSnapshot>();
        var deleted = new List<ExperimentPost>();
        int batches = 0, unavailable = 0, failed = 0;
        foreach (var group in targets.GroupBy(p => p.Account, StringComparer.OrdinalIgnoreCase))
        {
            var account = registry.FindAccount(group.Key);
            var platform = account is null ? null : registry.FindPlatform(account.Platform);
            if (account is null || platform is null || !platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Metrics))
            {
                logger.LogWarning("Metrics of {Count} experiment posts of account {Account} cannot be collected: {Reason}", group.Count(), group.Key,
                    account is null ? "the account is not configured" : platform is null ? $"platform '{account.Platform}' is not active" : "the platform reports no metrics");
                unavailable += group.Count();
                continue;
            }

            var byPlatformId = group.GroupBy(p => p.PlatformPostId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var chunk in byPlatformId.Keys.Chunk(Math.Max(1, platform.Descriptor.Limits.MetricsBatchSize)))
            {
                batches++;
                IReadOnlyList<PostMetrics> metrics;
                try
                {
                    metrics = await platform.GetMetricsAsync(account.Name, chunk, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One failing batch must not stop the others; its posts are asked again next round.
                    logger.LogWarning(ex, "Metrics batch of {Count} posts of {Account} failed", chunk.Length, account.Name);
                    failed++;
                    unavailable += chunk.Length;
                    continue;
                }

                var answered = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in metrics)
                {
                    if (!byPlatformId.TryGetValue(m.PostId, out var posts) || !answered.Add(m.PostId))
                    {
                        continue;
                    }

                    switch (m.Status)
                    {
                        case MetricsStatus.Available:
                            snapshots.AddRange(posts.Select(p => new MetricSnapshot(p.Key, now, PostCounters.From(m.Counters))));
                            break;
                        case MetricsStatus.Deleted:
                            snapshots.AddRange(posts.Select(p => new MetricSnapshot(p.Key, now, default, Deleted: true)));
                            deleted.AddRange(posts.Select(p => p with { Status = ExperimentPostStatus.Deleted, Detail = $"deleted on the platform (noticed {now:O})" }));
                            break;
                        default:
                            unavailable += posts.Count;
                            break;
                    }
                }

                unavailable += chunk.Count(id => !answered.Contains(id));
            }
        }

        await store.AddSnapshotsAsync(snapshots, cancellationToken);
        await store.UpdatePostsAsync(deleted, cancellationToken);
        var decided = 0;
        foreach (var experiment in running)
        {
            var after = await experiments.LookAsync(experiment, cancellationToken);
            decided += after.State == ExperimentState.Decided ? 1 : 0;
        }

        var summary = new CollectionSummary(running.Count, targets.Count, batches, snapshots.Count, deleted.Count, unavailable, failed, decided);
        logger.LogInformation("Experiment metrics: {Summary}", summary);
        return summary;
    }

    /// <summary>Asks publishing what became of the experiment's scheduled posts and records it.</summary>
    private async Task<IReadOnlyList<ExperimentPost>> RefreshAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var posts = await store.GetPostsAsync(experiment.Id, cancellationToken);
        var pending = posts.Where(p => p.Status == ExperimentPostStatus.Scheduled && p.PostId is not null).ToDictionary(p => p.PostId!, StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return posts;
        }

        var changed = new Dictionary<long, ExperimentPost>();
        foreach (var status in await publisher.GetStatusAsync([.. pending.Keys], cancellationToken))
        {
            if (!pending.TryGetValue(status.PostId, out var post))
            {
                continue;
            }

            switch (status.State)
            {
                case PublicationState.Published when status.PlatformPostId is not null:
                    changed[post.Key] = post with { Status = ExperimentPostStatus.Published, PlatformPostId = status.PlatformPostId, PublishedAt = status.PublishedAt };
                    break;
                case PublicationState.Failed:
                    changed[post.Key] = post with { Status = ExperimentPostStatus.Failed, Detail = status.Detail };
                    break;
            }
        }

        await store.UpdatePostsAsync([.. changed.Values], cancellationToken);
        return [.. posts.Select(p => changed.GetValueOrDefault(p.Key, p))];
    }
}
