using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing;

/// <summary>
/// Runs before the scheduler starts: settles posts a crash left in <see cref="PostState.Publishing"/> by looking
/// them up, and gives every <see cref="PostState.Scheduled"/> post a trigger again if a crash lost it.
/// </summary>
internal sealed class PublishingRecovery
{
    private readonly IPostStore _store;
    private readonly IPublishScheduler _scheduler;
    private readonly PublishExecutor _executor;
    private readonly HostInstance _instance;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PublishingOptions> _options;
    private readonly ILogger<PublishingRecovery> _logger;

    public PublishingRecovery(IPostStore store, IPublishScheduler scheduler, PublishExecutor executor, HostInstance instance, TimeProvider time, IOptionsMonitor<PublishingOptions> options, ILogger<PublishingRecovery> logger)
    {
        _store = store;
        _scheduler = scheduler;
        _executor = executor;
        _instance = instance;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// <paramref name="exclusive"/>: no other host can be publishing (SQLite, whose file lock proves it), so every
    /// Publishing post is an orphan. In a cluster only our own and stale claims are; Quartz replays a dead node's firings.
    /// </summary>
    public async Task<RecoveryReport> RecoverAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var reconciled = 0;
        var now = _time.GetUtcNow();
        foreach (var post in await _store.ListAsync(new PostQuery(PostState.Publishing, Limit: int.MaxValue), cancellationToken))
        {
            var stale = post.ClaimedAt is not { } at || now - at > _options.CurrentValue.StaleClaimAfter;
            if (!exclusive && post.ClaimedBy != _instance.Id && !stale)
            {
                continue;
            }

            var why = $"the host stopped during attempt {post.Attempts.ToString(CultureInfo.InvariantCulture)} (by {post.ClaimedBy ?? "unknown"}) before its outcome was recorded";
            var settled = await _executor.ReconcileInterruptedAsync(post, why, cancellationToken);
            _logger.LogWarning("Post {PostId} was left Publishing by a stopped host; reconciled as {State}", post.Id, settled?.State);
            reconciled++;
        }

        var restored = 0;
        foreach (var post in await _store.ListAsync(new PostQuery(PostState.Scheduled, Limit: int.MaxValue), cancellationToken))
        {
            if (!await _scheduler.IsScheduledAsync(post.Id, cancellationToken))
            {
                // Due in the past is fine: the job applies the grace period and publishes or marks it Missed.
                await _scheduler.ScheduleAsync(post.Id, post.DueAt, cancellationToken);
                restored++;
            }
        }

        if (restored > 0)
        {
            _logger.LogWarning("{Count} scheduled posts had lost their trigger (a crash between storing and scheduling); they are scheduled again", restored);
        }

        return new RecoveryReport(reconciled, restored);
    }

    /// <summary>
    /// The running engine's safety net: a Scheduled post overdue by more than <paramref name="overdueBy"/> whose
    /// trigger will not fire gets one now, so no post waits silently for a restart. Returns how many it found.
    /// </summary>
    public async Task<int> SweepOverdueAsync(TimeSpan overdueBy, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var found = 0;
        foreach (var post in await _store.ListAsync(new PostQuery(PostState.Scheduled, Limit: 10_000, DueBefore: now - overdueBy), cancellationToken))
        {
            if (!await _scheduler.IsScheduledAsync(post.Id, cancellationToken))
            {
                _logger.LogWarning("Post {PostId} was due at {DueAt:O} but had no live trigger; firing it now", post.Id, post.DueAt);
                await _scheduler.ScheduleAsync(post.Id, now, cancellationToken);
                found++;
            }
        }

        return found;
    }
}
