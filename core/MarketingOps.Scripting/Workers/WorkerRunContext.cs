using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Workers;

/// <summary>The run a worker is serving now, as the host sees it: the services its calls reach, and the caps on what it may send.</summary>
internal sealed class WorkerRunContext(string runId, ScriptServices services, ScriptWorkerOptions limits, CancellationToken token)
{
    private readonly Lock _gate = new();
    private int _calls;
    private long _outputChars;
    private int _logLines;

    public string RunId => runId;

    public ScriptServices Services => services;

    /// <summary>Cancelled when the run ends on the host's side, whatever the worker still does.</summary>
    public CancellationToken Token => token;

    public bool TakeCall() => Interlocked.Increment(ref _calls) <= limits.MaxCallsPerRun;

    public int MaxCalls => limits.MaxCallsPerRun;

    public void Print(string text)
    {
        lock (_gate)
        {
            if (_outputChars > limits.MaxOutputCharsPerRun)
            {
                return;
            }

            _outputChars += text.Length;
            services.Output.Write(_outputChars > limits.MaxOutputCharsPerRun
                ? $"{Environment.NewLine}[output truncated: the script printed more than {limits.MaxOutputCharsPerRun:N0} characters]{Environment.NewLine}"
                : text);
        }
    }

    public void Log(LogMessage message)
    {
        lock (_gate)
        {
            if (++_logLines > limits.MaxLogLinesPerRun)
            {
                if (_logLines == limits.MaxLogLinesPerRun + 1)
                {
                    services.Log.LogWarning("The script logged more than {Lines} lines; the rest of this run's log is dropped", limits.MaxLogLinesPerRun);
                }

                return;
            }
        }

        services.Log.Log(message.Level, default, new ScriptLogState(message), null, static (state, _) => state.Text);
    }
}
