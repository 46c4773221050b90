using MarketingOps.Core.Publishing;
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
    private readonly TimeSpan _sweepInterval;
    private readonly CancellationTokenSource _stopping = new();
    private StoreLock? _lock;
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
        TimeProvider time,
        ILogger<SchedulerHostedService> logger)
    {
        _store = store;
        _factory = factory;
        _recovery = recovery;
        _sources = sources;
        _storage = storage.Value;
        _scheduling = scheduling.Value;
        _sweepInterval = publishing.Value.SweepInterval;
        _paths = paths;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var exclusive = _storage.Kind == StorageKind.Sqlite;
        if (exclusive)
        {
            _lock = StoreLock.Acquire(_paths.PostsDatabase);
            await UseWriteAheadLogAsync(_paths.ScheduleDatabase, cancellationToken);
        }

        try
        {
            await _store.InitializeAsync(cancellationToken);
            _scheduler = await _factory.GetScheduler(cancellationToken);
            var report = await _recovery.RecoverAsync(exclusive, cancellationToken);
            await ScheduleCronJobsAsync(_scheduler, cancellationToken);
            await _scheduler.Start(cancellationToken);
            _sweeper = SweepAsync(_stopping.Token);
            _logger.LogInformation(
                "Publishing engine started on {Store} ({Mode}); {Reconciled} interrupted posts reconciled, {Restored} triggers restored",
                _store.Description, _scheduling.Clustered ? "clustered" : "single host", report.Reconciled, report.TriggersRestored);
        }
        catch
        {
            _lock?.Dispose();
            _lock = null;
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
            _lock?.Dispose();
            _lock = null;
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _lock?.Dispose();
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_sweepInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await _recovery.SweepOverdueAsync(_sweepInterval, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Looking for overdue posts failed; trying again in {Interval}", _sweepInterval);
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

    private async Task ScheduleCronJobAsync(IScheduler scheduler, CronJobOptions cron, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<RecurringJob>()
            .WithIdentity(cron.Name, RecurringJob.Group)
            .UsingJobData(RecurringJob.WorkKey, cron.Work)
            .StoreDurably(true)
            .Build();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cron.TimeZone);
        var trigger = TriggerBuilder.Create(_time)
            .WithIdentity(cron.Name, RecurringJob.Group)
            .ForJob(job)
            .WithCronSchedule(cron.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

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
