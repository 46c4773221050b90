using MarketingOps.Core.Analytics;
using MarketingOps.Core.Experiments.Publishing;
using MarketingOps.Core.Experiments.Storage;
using MarketingOps.Core.Links;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Scheduling;
using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Experiments.Collection;

/// <summary>
/// The metrics job (<see cref="IRecurringWork"/> named <c>experiment-metrics</c>): learns which scheduled experiment
/// posts were published, fetches the counters of every running experiment's published posts and of every other
/// published post that is due (<see cref="CollectionSchedule"/>), per account in batches as large as the platform
/// allows and within its metrics rate budget, stores each snapshot with its time, then lets every experiment take a
/// look. Experiment posts go first; what the budget leaves out waits for the next round. A deleted post keeps its
/// last counters; a post the platform skips this round is simply asked again next round.
/// </summary>
internal sealed class ExperimentMetricsCollector(
    IExperimentStore store,
    ExperimentService experiments,
    IExperimentPublisher publisher,
    IPlatformRegistry registry,
    TimeProvider time,
    ILogger<ExperimentMetricsCollector> logger,
    PostAnalytics? analytics = null,
    LinkStore? links = null) : IRecurringWork
{
    public const string WorkName = "experiment-metrics";

    private readonly MetricsBudget _budget = new();

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
        var due = analytics is null ? [] : await analytics.DueAsync(now, cancellationToken);
        // Clicks on the host's short links are the posts' link clicks, whatever the platform reports (most report none).
        var hostClicks = links is null
            ? new Dictionary<string, long>()
            : await links.CountClicksAsync([.. targets.Select(p => p.PostId).OfType<string>().Concat(due.Select(d => d.PostId))], cancellationToken);
        var snapshots = new List<MetricSnapshot>();
        var deleted = new List<ExperimentPost>();
        var collected = new List<PostMetricsRow>();
        int batches = 0, unavailable = 0, failed = 0, deferred = 0;
        var accounts = targets.Select(p => p.Account).Concat(due.Select(d => d.Account)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in accounts)
        {
            var mine = targets.Where(p => string.Equals(p.Account, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var mineDue = due.Where(d => string.Equals(d.Account, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var account = registry.FindAccount(name);
            var platform = account is null ? null : registry.FindPlatform(account.Platform);
            if (account is null || platform is null || !platform.Descriptor.Capabilities.HasFlag(PlatformCapabilities.Metrics))
            {
                if (mine.Count > 0)
                {
                    logger.LogWarning("Metrics of {Count} experiment posts of account {Account} cannot be collected: {Reason}", mine.Count, name,
                        account is null ? "the account is not configured" : platform is null ? $"platform '{account.Platform}' is not active" : "the platform reports no metrics");
                }

                unavailable += mine.Count;
                continue;
            }

            // Experiment posts first: they decide. Then the due posts, longest overdue first.
            var experimentIds = mine.GroupBy(p => p.PlatformPostId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var dueIds = mineDue.GroupBy(d => d.PlatformPostId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var ids = experimentIds.Keys.Concat(dueIds.Keys.Where(id => !experimentIds.ContainsKey(id))).ToList();
            var chunks = ids.Chunk(Math.Max(1, platform.Descriptor.Limits.MetricsBatchSize)).ToList();
            var allowed = Math.Min(chunks.Count, _budget.Allowance(account.Name, platform.Descriptor, now));
            deferred += chunks.Skip(allowed).Sum(c => c.Length);
            foreach (var chunk in chunks.Take(allowed))
            {
                batches++;
                _budget.Record(account.Name, now);
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
                    if (!ids.Contains(m.PostId, StringComparer.Ordinal) || !answered.Add(m.PostId))
                    {
                        continue;
                    }

                    var posts = experimentIds.GetValueOrDefault(m.PostId) ?? [];
                    var rows = dueIds.GetValueOrDefault(m.PostId) ?? [];
                    switch (m.Status)
                    {
                        case MetricsStatus.Available:
                            var counters = PostCounters.From(m.Counters);
                            snapshots.AddRange(posts.Select(p => new MetricSnapshot(p.Key, now, WithHostClicks(counters, p.PostId, hostClicks))));
                            collected.AddRange(rows.Select(r => r with { At = now, Counters = WithHostClicks(counters, r.PostId, hostClicks), NextAt = CollectionSchedule.Next(r.PublishedAt, now) }));
                            break;
                        case MetricsStatus.Deleted:
                            snapshots.AddRange(posts.Select(p => new MetricSnapshot(p.Key, now, default, Deleted: true)));
                            deleted.AddRange(posts.Select(p => p with { Status = ExperimentPostStatus.Deleted, Detail = $"deleted on the platform (noticed {now:O})" }));
                            collected.AddRange(rows.Select(r => r with { At = now, Counters = default, Deleted = true, NextAt = null }));
                            break;
                        default:
                            unavailable += posts.Count;
                            break;
                    }
                }

                unavailable += chunk.Where(id => !answered.Contains(id)).Sum(id => experimentIds.GetValueOrDefault(id)?.Count ?? 0);
            }
        }

        await store.AddSnapshotsAsync(snapshots, cancellationToken);
        await store.UpdatePostsAsync(deleted, cancellationToken);
        if (analytics is not null)
        {
            await analytics.RecordAsync(collected, cancellationToken);
        }

        var decided = 0;
        foreach (var experiment in running)
        {
            var after = await experiments.LookAsync(experiment, cancellationToken);
            decided += after.State == ExperimentState.Decided ? 1 : 0;
        }

        var summary = new CollectionSummary(running.Count, targets.Count, batches, snapshots.Count, deleted.Count, unavailable, failed, decided)
        {
            PostsCollected = collected.Count,
            Deferred = deferred,
        };
        if (deferred > 0)
        {
            logger.LogInformation("Metrics of {Deferred} posts wait for the next round: the platforms' metrics budgets are spent", deferred);
        }

        logger.LogInformation("Experiment metrics: {Summary}", summary);
        return summary;
    }

    private static PostCounters WithHostClicks(PostCounters counters, string? postId, IReadOnlyDictionary<string, long> hostClicks) =>
        postId is not null && hostClicks.TryGetValue(postId, out var clicks) ? counters with { LinkClicks = clicks } : counters;

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
                case PublicationState.Cancelled:
                    changed[post.Key] = post with { Status = ExperimentPostStatus.Cancelled, Detail = status.Detail };
                    break;
            }
        }

        await store.UpdatePostsAsync([.. changed.Values], cancellationToken);
        return [.. posts.Select(p => changed.GetValueOrDefault(p.Key, p))];
    }
}
