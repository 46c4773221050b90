using System.Diagnostics;
namespace MarketingOps.Scripting.WorkerSide;

/// <summary>A timer on the host's clock: each due time is a wait the host does on its own clock, cancelled when the timer changes or goes.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteTimer : ITimer
{
    private readonly HostConnection _host;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _pending;

    public RemoteTimer(HostConnection host, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _host = host;
        _callback = callback;
        _state = state;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        CancellationTokenSource next;
        lock (_gate)
        {
            _pending?.Cancel();
            _pending?.Dispose();
            _pending = next = CancellationTokenSource.CreateLinkedTokenSource(_host.RunToken);
        }

        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _ = FireAsync(dueTime, period, next.Token);
        }

        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pending?.Cancel();
            _pending?.Dispose();
            _pending = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task FireAsync(TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            for (var wait = dueTime; ; wait = period)
            {
                await _host.DelayAsync(wait, cancellationToken);
                _callback(_state);
                if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Changed, disposed, or the run ended.
        }
        catch (StreamJsonRpc.ConnectionLostException)
        {
            // The host is gone; so is the run.
        }
    }
}
