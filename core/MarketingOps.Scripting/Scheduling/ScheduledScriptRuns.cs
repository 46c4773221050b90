using Microsoft.Extensions.Hosting;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>
/// The scheduled scripts' runs in flight, apart from the scheduler's threads (a script waiting for a worker never
/// keeps a post from publishing): one run at a time per script, all cancelled as soon as the host starts to stop.
/// </summary>
internal sealed class ScheduledScriptRuns : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Task Task, ScheduledRun Run)> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>
    /// Starts <paramref name="body"/> in the background unless the script's previous run is still going (then
    /// <paramref name="previous"/> is that run) or the host is stopping.
    /// </summary>
    public ScheduledStart TryStart(string name, ScheduledRun run, Func<CancellationToken, Task> body, out ScheduledRun? previous)
    {
        ArgumentNullException.ThrowIfNull(body);
        previous = null;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return ScheduledStart.HostStopping;
            }

            if (_running.TryGetValue(name, out var going) && !going.Task.IsCompleted)
            {
                previous = going.Run;
                return ScheduledStart.StillRunning;
            }

            var token = _stopping.Token;
            _running[name] = (Task.Run(() => body(token), CancellationToken.None), run);
            return ScheduledStart.Started;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels every run (each ends within the workers' kill grace) and waits for them to record how they ended.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            _stopping.Cancel();
            running = [.. _running.Values.Select(r => r.Task)];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return; // registered both as itself and as a hosted service: the container disposes it twice
            }

            _disposed = true;
            _stopping.Cancel();
        }

        _stopping.Dispose();
    }
}
