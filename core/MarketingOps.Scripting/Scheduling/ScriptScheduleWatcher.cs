using MarketingOps.Core.Configuration;
using MarketingOps.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>
/// Looks at <c>scripts.json</c> every <see cref="Interval"/> while the host runs and puts what changed on the schedule:
/// a script <c>mops script schedule</c> added (or rescheduled) starts firing, an unscheduled one stops, without a restart.
/// A file with problems is logged once and the running schedule kept.
/// </summary>
internal sealed class ScriptScheduleWatcher(ScheduledScriptSource source, RecurringSchedule schedule, string clientFolder, TimeProvider time, ILogger<ScriptScheduleWatcher> logger)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _watching;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watching = WatchAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_watching is not null)
        {
            await _watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var path = ScriptScheduleFile.PathIn(clientFolder);
        var seen = Stamp(path);
        string? problem = null;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var stamp = Stamp(path);
                if (stamp == seen)
                {
                    continue;
                }

                try
                {
                    if (source.Reload())
                    {
                        await schedule.ApplyAsync([.. source.GetWork().Select(w => w.Job)], name => name.StartsWith(ScheduledScriptSource.Prefix, StringComparison.Ordinal), cancellationToken);
                    }

                    seen = stamp;
                    problem = null;
                }
                catch (ConfigurationException ex)
                {
                    seen = stamp; // until the file changes again
                    if (problem != ex.Message)
                    {
                        problem = ex.Message;
                        logger.LogError("{File} has problems, so the running schedule of scripts is kept as it was: {Problems}", ScriptScheduleFile.FileName, ex.Message);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Quartz.SchedulerException)
                {
                    logger.LogWarning(ex, "Could not apply the changes to {File}; trying again in {Interval}", ScriptScheduleFile.FileName, Interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    /// <summary>When and how the file was last written: the host's own records after each run change it too, which a reload tells apart.</summary>
    private static (DateTime, long) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1);
    }
}
