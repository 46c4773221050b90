using System.Globalization;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing.Threads;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing.Recovery;

/// <summary>
/// Heals the store at start-up and while the host runs: settles claims whose holder is gone (its lease expired, or it
/// is this process and nothing here is publishing the post) or that are older than their timeout, by lookup; gives a
/// trigger back to every Scheduled post that lost one; and gives every PendingApproval post its inbox item.
/// Every settlement goes through the executor, so it is recorded in the post's history.
/// </summary>
internal sealed class PublishingRecovery
{
    private readonly IPostStore _store;
    private readonly IHostLeases _leases;
    private readonly IPublishScheduler _scheduler;
    private readonly PublishExecutor _executor;
    private readonly IInbox _inbox;
    private readonly HostInstance _instance;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PublishingOptions> _options;
    private readonly ILogger<PublishingRecovery> _logger;
    private readonly ThreadSequence _threads;

    public PublishingRecovery(
        IPostStore store,
        IHostLeases leases,
        IPublishScheduler scheduler,
        PublishExecutor executor,
        IInbox inbox,
        HostInstance instance,
        TimeProvider time,
        IOptionsMonitor<PublishingOptions> options,
        ILogger<PublishingRecovery> logger)
    {
        _store = store;
        _leases = leases;
        _scheduler = scheduler;
        _executor = executor;
        _inbox = inbox;
        _instance = instance;
        _time = time;
        _options = options;
        _logger = logger;
        _threads = new ThreadSequence(store, scheduler, time, logger);
    }

    /// <summary>
    /// Runs before the scheduler starts. <paramref name="exclusive"/>: no other host can be publishing (SQLite, whose
    /// file lock proves it), so every claim is an orphan. In a cluster, claims of hosts whose lease lapsed are.
    /// </summary>
    public async Task<RecoveryReport> RecoverAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var reconciled = await SettleOrphanedClaimsAsync(exclusive, cancellationToken);
        var restored = 0;
        foreach (var post in await _store.ListAsync(new PostQuery(PostState.Scheduled, Limit: int.MaxValue), cancellationToken))
        {
            if (!await _scheduler.IsScheduledAsync(post.Id, cancellationToken) && !await _threads.IsWaitingAsync(post, cancellationToken))
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

        await RepairHeldPostsAsync(cancellationToken);
        return new RecoveryReport(reconciled, restored);
    }

    /// <summary>The running engine's safety net, every <see cref="PublishingOptions.SweepInterval"/>: orphaned claims, lost triggers, held posts without an item.</summary>
    public async Task<SweepReport> SweepAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var settled = await SettleOrphanedClaimsAsync(exclusive, cancellationToken);
        var triggers = await SweepOverdueAsync(_options.CurrentValue.SweepInterval, cancellationToken);
        var repaired = await RepairHeldPostsAsync(cancellationToken);
        return new SweepReport(settled, triggers, repaired);
    }

    /// <summary>Renews this host's lease; a host that stops renewing is taken for gone after <see cref="PublishingOptions.LeaseDuration"/>.</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken) =>
        _leases.RenewAsync(_instance.Id, _instance.Id, _time.GetUtcNow(), cancellationToken);

    /// <summary>Gives up this host's lease on a clean stop.</summary>
    public Task ReleaseLeaseAsync(CancellationToken cancellationToken) => _leases.ReleaseAsync(_instance.Id, cancellationToken);

    /// <summary>
    /// A Scheduled post overdue by more than <paramref name="overdueBy"/> whose trigger will not fire gets one now, so
    /// no post waits silently for a restart. Returns how many it found.
    /// </summary>
    public async Task<int> SweepOverdueAsync(TimeSpan overdueBy, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var found = 0;
        foreach (var post in await _store.ListAsync(new PostQuery(PostState.Scheduled, Limit: 10_000, DueBefore: now - overdueBy), cancellationToken))
        {
            // A thread's later part waits without a trigger until the part before it is out.
            if (!await _scheduler.IsScheduledAsync(post.Id, cancellationToken) && !await _threads.IsWaitingAsync(post, cancellationToken))
            {
                _logger.LogWarning("Post {PostId} was due at {DueAt:O} but had no live trigger; firing it now", post.Id, post.DueAt);
                await _scheduler.ScheduleAsync(post.Id, now, cancellationToken);
                found++;
            }
        }

        return found;
    }

    private async Task<int> SettleOrphanedClaimsAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var claims = await _store.ListAsync(new PostQuery(PostState.Publishing, Limit: int.MaxValue), cancellationToken);
        if (claims.Count == 0)
        {
            return 0;
        }

        var leases = await _leases.ListAsync(cancellationToken);
        var settled = 0;
        foreach (var post in claims)
        {
            if (_executor.IsInFlight(post.Id) || WhyOrphaned(post, leases, exclusive) is not { } why)
            {
                continue;
            }

            var after = await _executor.ReconcileInterruptedAsync(post, why, cancellationToken);
            _logger.LogWarning("Post {PostId} was left Publishing ({Why}); settled as {State}", post.Id, why, after?.State);
            settled++;
        }

        return settled;
    }

    /// <summary>Why a claim has nobody behind it any more, or null while its holder may still be publishing it.</summary>
    private string? WhyOrphaned(Post post, IReadOnlyDictionary<string, DateTimeOffset> leases, bool exclusive)
    {
        var now = _time.GetUtcNow();
        var options = _options.CurrentValue;
        var attempt = $"attempt {post.Attempts.ToString(CultureInfo.InvariantCulture)} by {post.ClaimedBy ?? "an unknown host"}";
        if (post.ClaimedBy == _instance.Id)
        {
            // Ours, and nothing in this process is working on it: its outcome could not be recorded.
            return $"{attempt} (this host) ended without recording its outcome";
        }

        if (exclusive)
        {
            return $"{attempt} was interrupted: that host stopped before recording its outcome";
        }

        if (post.ClaimedBy is null || !leases.TryGetValue(post.ClaimedBy, out var renewed) || now - renewed > options.LeaseDuration)
        {
            var last = post.ClaimedBy is not null && leases.TryGetValue(post.ClaimedBy, out var seen) ? $"last heard of at {seen:O}" : "it holds no lease";
            return $"{attempt} was interrupted: that host is gone ({last})";
        }

        if (post.ClaimedAt is not { } at || now - at > options.StaleClaimAfter)
        {
            return $"{attempt} has held the account for longer than {PublishExecutor.Describe(options.StaleClaimAfter)}";
        }

        return null;
    }

    private async Task<int> RepairHeldPostsAsync(CancellationToken cancellationToken)
    {
        var held = await _store.ListAsync(new PostQuery(PostState.PendingApproval, Limit: int.MaxValue), cancellationToken);
        if (held.Count == 0)
        {
            return 0;
        }

        var waiting = (await _inbox.ListAsync(InboxItemStatus.Pending, cancellationToken))
            .SelectMany(i => i.Parts.Count > 0 ? i.Parts.Select(p => p.PostId) : i.PostId is null ? [] : [i.PostId])
            .ToHashSet(StringComparer.Ordinal);
        var repaired = 0;
        foreach (var post in held.Where(p => !waiting.Contains(p.Id)))
        {
            const string why = "it waited for approval without an inbox item (written by an older version, or lost in a crash); the recovery sweep added one";
            await _inbox.HoldPostAsync(post.ToMessage(post.DueAt), why, cancellationToken);
            _logger.LogWarning("Post {PostId} was PendingApproval without an inbox item; it is in the inbox now", post.Id);
            repaired++;
        }

        return repaired;
    }
}
