using System.Diagnostics;
using System.Text;
using MarketingOps.Scripting.Protocol;
using StreamJsonRpc;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script's <c>Print</c> inside a worker: each line goes to the host as it is written (so <c>mops script run</c>
/// shows progress), in order with the script's calls. Past <paramref name="maxBytes"/> of prints and log lines together
/// nothing more is sent: the host cuts the run's output at its own cap (half of it) and never trusts this one.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteOutput(JsonRpc rpc, string runId, long maxBytes, WorkerValueCache values) : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private long _sent;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (value == '\n' || _line.Length >= 8192)
            {
                SendLocked();
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (_line.Length >= 8192 || value?.Contains('\n', StringComparison.Ordinal) == true)
            {
                SendLocked();
            }
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

    private bool ChargeLocked(long bytes)
    {
        if (_sent > maxBytes)
        {
            return false;
        }

        _sent += bytes;
        return true;
    }

    private void SendLocked()
    {
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

        values.DropPrefetched(); // what others do once they saw this line, the script's later reads see
        rpc.NotifyAsync(WorkerMethods.Print, runId, text).GetAwaiter().GetResult();
    }
}
