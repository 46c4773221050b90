using System.Globalization;
using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Workers;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>
/// One scheduled script as recurring work: each round reads its entry afresh (so <c>unschedule</c> and <c>resume</c>
/// take effect without a restart), runs it in a worker, and logs how it ended and what it printed. A script whose
/// worker died or had to be killed <see cref="PauseAfter"/> runs in a row is paused, with the reason in
/// <c>scripts.json</c> for <c>mops script scheduled</c>; the host and every other schedule carry on. The run goes on
/// in <see cref="ScheduledScriptRuns"/>, not on the scheduler's thread; a firing that finds the previous run still going
/// (or one the scheduler never fired) is a missed run: logged, and counted in <c>scripts.json</c> with why it waited.
/// Each run's length is recorded there too: a script whose last run of its current version finished within
/// <c>LongRunAfter</c> may take the last worker; any other shares the rest with slow and new scripts.
/// </summary>
internal sealed class ScheduledScriptWork(
    ScheduledScript script,
    string clientFolder,
    ScriptRunner runner,
    ScheduledScriptRuns runs,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ScheduledScriptWork> logger) : IRecurringWork
{
    public const int PauseAfter = 3;

    private string? _pauseLogged; // the pause last logged: a paused script is said to be paused once, not at every firing

    public string Name => script.WorkName;

    /// <summary>Whether this work runs <paramref name="entry"/> as it is scheduled now (same file, cron expression and zone).</summary>
    public bool Schedules(ScheduledScript entry)
        => entry is not null && entry.File == script.File && entry.Cron == script.Cron && entry.TimeZone == script.TimeZone;

    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(new RecurringRun(clock.GetUtcNow(), null), cancellationToken);

    public async Task RunAsync(RecurringRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var current = ScriptScheduleFile.Find(clientFolder, script.Name);
        if (current is null)
        {
            logger.LogInformation("Scheduled script {Name} was unscheduled; it runs no more", script.Name);
            return;
        }

        if (current.Paused is { } reason)
        {
            var pausedAt = $"{current.PausedAt:O} {reason}";
            if (Interlocked.Exchange(ref _pauseLogged, pausedAt) != pausedAt)
            {
                logger.LogInformation("Scheduled script {Name} is paused ({Reason}); `mops script resume {Name}` runs it again", script.Name, reason, script.Name);
            }
            else
            {
                logger.LogDebug("Scheduled script {Name} is still paused; this firing is skipped", script.Name);
            }

            return;
        }

        Volatile.Write(ref _pauseLogged, null);

        var skipped = NotFired(run);
        if (skipped > 0)
        {
            await RecordMissedAsync(skipped, run.ScheduledAt, "the scheduler did not fire it in time (the host was stopped or busy)");
        }

        var scheduled = new ScheduledRun(run.ScheduledAt);
        var start = runs.TryStart(script.Name, scheduled, token => RunOnceAsync(current, scheduled, token), out var previous);
        if (start == ScheduledStart.StillRunning)
        {
            await RecordMissedAsync(1, run.ScheduledAt, WaitExplanation.Of(previous!, runner.Pool.Holders(), runner.Pool.Options));
        }
    }

    /// <summary>Firings of its cron expression between the previous firing and this one: due, but never fired.</summary>
    private int NotFired(RecurringRun run)
    {
        if (run.PreviousRunAt is not { } previous || !TimeZoneInfo.TryFindSystemTimeZoneById(script.TimeZone, out var zone))
        {
            return 0;
        }

        var cron = new Quartz.CronExpression(script.Cron, zone);
        var count = 0;
        for (var at = cron.GetNextValidTimeAfter(previous); at is { } due && due < run.ScheduledAt && count < 100_000; at = cron.GetNextValidTimeAfter(due))
        {
            count++;
        }

        return count;
    }

    private async Task RecordMissedAsync(int count, DateTimeOffset due, string reason)
    {
        logger.LogWarning("Scheduled script {Name} missed {Count} run(s), the last due {Due:u}: {Reason}", script.Name, count, due, reason);
        await ScriptScheduleFile.UpdateAsync(clientFolder, script.Name, s => s with
        {
            MissedRuns = (s.MissedRuns ?? 0) + count,
            LastMissedAt = due,
            LastMissedReason = reason,
        });
    }

    private async Task RunOnceAsync(ScheduledScript current, ScheduledRun scheduled, CancellationToken cancellationToken)
    {
        try
        {
            await RunAndJudgeAsync(current, scheduled, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One round failing must not stop the schedule; the next round runs as planned.
            logger.LogError(ex, "Scheduled script {Name} could not be run; it runs again at its next time", script.Name);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private async Task RunAndJudgeAsync(ScheduledScript current, ScheduledRun scheduled, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        var request = new ScriptRunRequest(HostScriptServices.Create(services, current.File, output))
        {
            Args = current.Args,
            Timeout = current.Timeout,
            Holder = script.Name,
            Pace = version => Pace(current, version),
            Queued = lane => scheduled.Lane = lane,
            WorkerGranted = () =>
            {
                scheduled.StartedAt = clock.GetUtcNow();
                return StillWanted(scheduled);
            },
        };
        var result = await runner.RunAsync(current.File, request, cancellationToken);
        if (scheduled.Dropped is { } dropped)
        {
            logger.LogInformation("Scheduled script {Name} was {Dropped} while its run waited for a worker; that run did not start", script.Name, dropped);
            return;
        }

        var printed = output.ToString().TrimEnd();
        var ended = clock.GetUtcNow();
        var took = scheduled.StartedAt is { } started ? ended - started : TimeSpan.Zero;
        if (result.Outcome == ScriptOutcome.Cancelled)
        {
            logger.LogInformation("Scheduled script {Name} was cancelled: the host is stopping", script.Name);
            if (result.RanLong)
            {
                // It was already slow: after a restart it must not try the last worker again.
                await ScriptScheduleFile.UpdateAsync(clientFolder, script.Name, s => s with { LastRunAt = ended, LastRunTook = took, LastRunQuick = false, LastRunVersion = result.Version });
            }

            return; // else that says nothing about the script
        }

        if (result.Succeeded)
        {
            // Warnings (a value or output cut at its limit) are said with the value, as `mops script run` says them.
            logger.LogInformation("Scheduled script {Name} ran in {Elapsed} (returned {Value}){Warnings}{Output}", script.Name, result.RunTime, result.ReturnValue,
                Lines(result.Diagnostics), printed.Length == 0 ? "" : Environment.NewLine + printed);
        }
        else
        {
            // A failed round is logged and the schedule goes on; RecurringJob does the same for any work.
            logger.LogError("Scheduled script {Name} ended {Outcome}:{Diagnostics}{Output}", script.Name, result.Outcome,
                Lines(result.Diagnostics), printed.Length == 0 ? "" : Environment.NewLine + printed);
        }

        var deaths = result.WorkerKilled ? (current.WorkerDeathsInARow ?? 0) + 1 : 0;
        var pause = deaths >= PauseAfter
            ? string.Create(CultureInfo.InvariantCulture, $"its worker died or had to be killed {deaths} runs in a row; last: {result.Diagnostics.LastOrDefault(d => d.IsError)?.Message}")
            : null;
        await ScriptScheduleFile.UpdateAsync(clientFolder, script.Name, s => s with
        {
            WorkerDeathsInARow = deaths == 0 ? null : deaths,
            Paused = pause ?? s.Paused,
            PausedAt = pause is null ? s.PausedAt : ended,
            LastRunAt = ended,
            LastRunTook = took,
            LastRunQuick = !result.RanLong,
            LastRunVersion = result.Version,
        });
        if (pause is not null)
        {
            logger.LogError("Scheduled script {Name} is paused: {Reason}. Fix it, then `mops script resume {Name}`", script.Name, pause, script.Name);
        }
    }

    /// <summary>Whether the script is still scheduled and not paused now that its run has a worker (it may have waited long).</summary>
    private bool StillWanted(ScheduledRun scheduled)
    {
        try
        {
            scheduled.Dropped = ScriptScheduleFile.Find(clientFolder, script.Name) switch
            {
                null => "unscheduled",
                { Paused: not null } => "paused",
                _ => null,
            };
        }
        catch (Core.Configuration.ConfigurationException)
        {
            scheduled.Dropped = null; // a file with problems unschedules nothing; the watcher says so
        }

        return scheduled.Dropped is null;
    }

    /// <summary>Quick only for the version whose last run finished within the bound; slow for one that ran long; else new.</summary>
    private static RunLane Pace(ScheduledScript current, string version)
        => current.LastRunVersion != version ? RunLane.New : current.LastRunQuick == true ? RunLane.Quick : RunLane.Slow;

    private static string Lines(IReadOnlyList<ScriptDiagnostic> diagnostics) => string.Concat(diagnostics.Select(d => Environment.NewLine + "  " + d));
}
