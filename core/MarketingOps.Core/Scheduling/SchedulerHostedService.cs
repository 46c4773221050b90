using MarketingOps.Core.Publishing;
using MarketingOps.Core.Publishing.Recovery;
using MarketingOps.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = MarketingOps.Core.Scheduling.SchedulingOptions;

namespace MarketingOps.Core.Scheduling;

/// <summary>
/// <c>mops run</c>'s publishing engine: takes the SQLite lock, migrates the store, recovers what a crash left,
/// schedules the cron jobs and only then starts Quartz. Register it after the plugins are loaded.
/// </summary>
internal sealed class SchedulerHostedService : IHostedService, IDisposable
{
    private readonly IPostStore _store;
    private readonly ISchedulerFactory _factory;
    private readonly PublishingRecovery _recovery;
    private readonly IEnumerable<IRecurringWorkSource> _sources;
    private readonly StorageOptions _storage;
    private readonly SchedulingOptions _scheduling;
    private readonly StoragePaths _paths;
    private readonly TimeProvider _time;
    private readonly ILogger<SchedulerHostedService> _logger;
    private readonly PublishingOptions _publishing;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ExclusiveStoreLock _lock;
    private IScheduler? _scheduler;
    private Task? _sweeper;

    public SchedulerHostedService(
        IPostStore store,
        ISchedulerFactory factory,
        PublishingRecovery recovery,
        IEnumerable<IRecurringWorkSource> sources,
        IOptions<StorageOptions> storage,
        IOptions<SchedulingOptions> scheduling,
        IOptions<PublishingOptions> publishing,
        StoragePaths paths,
        ExclusiveStoreLock storeLock,
        TimeProvider time,
        ILogger<SchedulerHostedService> logger)
    {
        _store = store;
        _factory = factory;
        _recovery = recovery;
        _sources = sources;
        _storage = storage.Value;
        _scheduling = scheduling.Value;
        _publishing = publishing.Value;
        _paths = paths;
        _lock = storeLock;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var exclusive = _storage.Kind == StorageKind.Sqlite;
        if (exclusive)
        {
            // Normally taken already by `mops run`, before any plugin loaded.
            _lock.Acquire();
            await SqlitePostStore.CheckIntegrityAsync(_paths.PostsDatabase, isSchedule: false, cancellationToken);
            await SqlitePostStore.CheckIntegrityAsync(_paths.ScheduleDatabase, isSchedule: true, cancellationToken);
            await UseWriteAheadLogAsync(_paths.ScheduleDatabase, cancellationToken);
        }

        try
        {
            await _store.InitializeAsync(cancellationToken);
            // The lease first: from now on other nodes can tell our claims from a dead host's.
            await _recovery.HeartbeatAsync(cancellationToken);
            _scheduler = await _factory.GetScheduler(cancellationToken);
            var report = await _recovery.RecoverAsync(exclusive, cancellationToken);
            await ScheduleCronJobsAsync(_scheduler, cancellationToken);
            await _scheduler.Start(cancellationToken);
            _sweeper = HealWhileRunningAsync(exclusive, _stopping.Token);
            _logger.LogInformation(
                "Publishing engine started on {Store} ({Mode}); {Reconciled} interrupted posts reconciled, {Restored} triggers restored",
                _store.Description, _scheduling.Clustered ? "clustered" : "single host", report.Reconciled, report.TriggersRestored);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_sweeper is not null)
        {
            await _sweeper.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        try
        {
            if (_scheduler is not null)
            {
                // Let a publish in flight record its outcome rather than leave it Publishing.
                await _scheduler.Shutdown(true, cancellationToken);
            }
        }
        finally
        {
            await ReleaseLeaseAsync();
            _lock.Dispose();
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await _recovery.ReleaseLeaseAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not give up this host's lease; other nodes wait for it to lapse");
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _lock.Dispose();
    }

    /// <summary>Renews the lease every heartbeat and runs the recovery sweep every sweep interval, until the host stops.</summary>
    private async Task HealWhileRunningAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var heartbeat = _publishing.HeartbeatInterval < _publishing.SweepInterval ? _publishing.HeartbeatInterval : _publishing.SweepInterval;
        using var timer = new PeriodicTimer(heartbeat, _time);
        var nextSweep = _time.GetUtcNow() + _publishing.SweepInterval;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await _recovery.HeartbeatAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Could not renew this host's lease in {Store}; trying again in {Interval}", _store.Description, heartbeat);
            }

            if (_time.GetUtcNow() < nextSweep)
            {
                continue;
            }

            nextSweep = _time.GetUtcNow() + _publishing.SweepInterval;
            try
            {
                var report = await _recovery.SweepAsync(exclusive, cancellationToken);
                if (report.ClaimsSettled + report.TriggersRestored + report.HeldPostsRepaired > 0)
                {
                    _logger.LogWarning(
                        "Recovery sweep: {Claims} orphaned claims settled, {Triggers} lost triggers restored, {Held} held posts given an inbox item",
                        report.ClaimsSettled, report.TriggersRestored, report.HeldPostsRepaired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "The recovery sweep failed; trying again in {Interval}", _publishing.SweepInterval);
            }
        }
    }

    private async Task ScheduleCronJobsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        // The configuration is the truth: cron jobs removed from it stop running.
        await scheduler.DeleteJobs(GroupMatcher<JobKey>.GroupEquals(RecurringJob.Group), cancellationToken);
        foreach (var cron in _scheduling.CronJobs)
        {
            await ScheduleCronJobAsync(scheduler, cron, cancellationToken);
        }

        foreach (var (cron, _) in _sources.SelectMany(s => s.GetWork()))
        {
            // A plugin's schedule that does not parse must not stop the host: that work alone stays unscheduled.
            if (Problem(cron) is { } problem)
            {
                _logger.LogError("Recurring work {Work} is not scheduled: {Problem}", cron.Work, problem);
                continue;
            }

            await ScheduleCronJobAsync(scheduler, cron, cancellationToken);
            _logger.LogInformation("Recurring work {Work} scheduled on '{Cron}' ({TimeZone})", cron.Work, cron.Cron, cron.TimeZone);
        }
    }

    private Task ScheduleCronJobAsync(IScheduler scheduler, CronJobOptions cron, CancellationToken cancellationToken)
        => RecurringSchedule.ScheduleAsync(scheduler, cron, _time, cancellationToken);

    private static string? Problem(CronJobOptions cron)
    {
        if (!CronExpression.TryParse(cron.Cron, out _))
        {
            return $"'{cron.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, for example '0 0/15 * * * ?')";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(cron.TimeZone, out _) ? null : $"'{cron.TimeZone}' is not a known IANA time zone";
    }

    private static async Task UseWriteAheadLogAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
