using System.Text;
using MarketingOps.Scripting.Protocol;
using StreamJsonRpc;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The script's <c>Print</c> inside a worker: each line goes to the host as it is written (so <c>mops script run</c>
/// shows progress), in order with the script's calls; past <paramref name="maxChars"/> the rest is dropped with one note.
/// </summary>
internal sealed class RemoteOutput(JsonRpc rpc, string runId, int maxChars) : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _line = new();
    private long _sent;
    private bool _truncated;

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

    private void SendLocked()
    {
        if (_line.Length == 0)
        {
            return;
        }

        var text = _line.ToString();
        _line.Clear();
        if (_truncated)
        {
            return;
        }

        if (_sent + text.Length > maxChars)
        {
            _truncated = true;
            text = $"{Environment.NewLine}[output truncated: the script printed more than {maxChars:N0} characters]{Environment.NewLine}";
        }

        _sent += text.Length;
        rpc.NotifyAsync(WorkerMethods.Print, runId, text).GetAwaiter().GetResult();
    }
}
