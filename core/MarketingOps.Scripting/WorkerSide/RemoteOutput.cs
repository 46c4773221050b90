using System.Diagnostics;
using System.Text;
using MarketingOps.Scripting.Protocol;
using StreamJsonRpc;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script's <c>Print</c> inside a worker: lines go to the host as the script goes (so <c>mops script run</c> shows
/// progress), in order with the script's calls and log lines. A finished line waits up to <see cref="LineDelay"/> for
/// the lines after it, and goes at once before anything else the run sends: a script that prints its report and ends
/// sends it with its answer, one message instead of one a line. Past the run's share of prints and log
/// lines together nothing more is sent: the host cuts the run's output at its own cap (half of it) and never trusts this one.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteOutput : TextWriter
{
    /// <summary>How long a finished line may wait for more: short enough to read as printed at once.</summary>
    public static readonly TimeSpan LineDelay = TimeSpan.FromMilliseconds(50);

    private const int MaxPending = 8192;

    private readonly JsonRpc _rpc;
    private readonly string _runId;
    private readonly long _maxBytes;
    private readonly WorkerValueCache _values;
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private readonly Timer _timer;
    private bool _timerSet;
    private bool _closed;
    private long _sent;

    public RemoteOutput(JsonRpc rpc, string runId, long maxBytes, WorkerValueCache values)
    {
        (_rpc, _runId, _maxBytes, _values) = (rpc, runId, maxBytes, values);

        // Made here, before any script code runs, so it carries none of the script's context to its thread.
        _timer = new Timer(static state => ((RemoteOutput)state!).FlushDue(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            Pending(value == '\n');
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _line.Append(value);
            Pending(value?.Contains('\n', StringComparison.Ordinal) == true);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            SendLocked();
        }
    }

    /// <summary>Counts a log line against the run's output; false once the run has sent its share.</summary>
    public bool Charge(long bytes)
    {
        lock (_gate)
        {
            return ChargeLocked(bytes);
        }
    }

    /// <summary>
    /// Ends the run's output and hands back what is still unsent, for the run's answer to carry: the report a script
    /// prints last crosses with its answer, not as a message of its own. What a task the script left running prints
    /// later is dropped here, as the host would drop it.
    /// </summary>
    public string? Finish()
    {
        string? rest = null;
        lock (_gate)
        {
            if (!_closed && _line.Length > 0)
            {
                var text = _line.ToString();
                rest = ChargeLocked(Encoding.UTF8.GetByteCount(text)) ? text : null;
            }

            _line.Clear();
            _timerSet = false;
            _closed = true;
        }

        _timer.Dispose();
        return rest;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Finish();
        }

        base.Dispose(disposing);
    }

    private void FlushDue()
    {
        try
        {
            Flush();
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The host is gone or the run is over: nobody reads the line.
        }
    }

    private void Pending(bool lineEnded)
    {
        if (_closed)
        {
            _line.Clear();
            return;
        }

        if (_line.Length >= MaxPending)
        {
            SendLocked();
            return;
        }

        if (lineEnded)
        {
            _values.DropPrefetched(); // as once it is sent: what others do after seeing this line, the script's later reads see
            if (!_timerSet)
            {
                _timerSet = true;
                _timer.Change(LineDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private bool ChargeLocked(long bytes)
    {
        if (_sent > _maxBytes)
        {
            return false;
        }

        _sent += bytes;
        return true;
    }

    private void SendLocked()
    {
        _timerSet = false; // a timer still due finds nothing to send
        if (_line.Length == 0)
        {
            return;
        }

        var text = _line.ToString();
        _line.Clear();
        if (!ChargeLocked(Encoding.UTF8.GetByteCount(text)))
        {
            return;
        }

        _values.DropPrefetched(); // what others do once they saw this line, the script's later reads see
        _rpc.NotifyAsync(WorkerMethods.Print, _runId, text).GetAwaiter().GetResult();
    }
}
