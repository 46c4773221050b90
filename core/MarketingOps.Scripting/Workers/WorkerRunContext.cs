using System.Globalization;
using System.Text;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Workers;

/// <summary>The run a worker is serving now, as the host sees it: the services its calls reach, and the caps on what it may send.</summary>
internal sealed class WorkerRunContext(string runId, ScriptServices services, ScriptWorkerOptions limits, CancellationToken token)
{
    private const int MaxRecordedReads = 4;

    private readonly Lock _gate = new();
    private int _calls;
    private long _outputBytes;
    private int _logLines;
    private bool _cut;
    private readonly List<RecordedRead> _reads = [];
    private string[]? _lastListIds;
    private bool _recording = true;
    private bool _unknownStart;

    public string RunId => runId;

    public ScriptServices Services => services;

    /// <summary>Cancelled when the run ends on the host's side, whatever the worker still does.</summary>
    public CancellationToken Token => token;

    public int MaxCalls => limits.MaxCallsPerRun;

    /// <summary>True once the run's prints and logs passed <see cref="ScriptWorkerOptions.MaxOutputBytesPerRun"/> and the rest was dropped.</summary>
    public bool OutputCut
    {
        get
        {
            lock (_gate)
            {
                return _cut;
            }
        }
    }

    public bool TakeCall() => Interlocked.Increment(ref _calls) <= limits.MaxCallsPerRun;

    /// <summary>A list of posts the worker asked for; kept while the run's calls so far were such reads.</summary>
    public void RecordList(ScriptPostQuery query, IReadOnlyList<ScriptPost> answer)
    {
        lock (_gate)
        {
            if (_recording && _reads.Count < MaxRecordedReads)
            {
                _reads.Add(new RecordedRead(query));
                _lastListIds = [.. answer.Select(p => p.Id)];
                return;
            }

            _recording = false;
        }
    }

    /// <summary>The latest snapshots the worker asked for; kept when they are of the posts of the list asked just before.</summary>
    public void RecordLatest(IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            if (_recording && _reads.Count < MaxRecordedReads && _lastListIds is { } last && last.AsSpan().SequenceEqual(ids as string[] ?? [.. ids]))
            {
                _reads.Add(new RecordedRead(null));
                return;
            }

            // Of a list the worker took from the prefetch, perhaps: which one is not known here, so the next run starts
            // without a prefetch and this one's successor learns the reads afresh.
            _unknownStart |= _recording && _lastListIds is null;
            _recording = false;
        }
    }

    /// <summary>Any call but those reads ends what the run's start is known to be.</summary>
    public void StopRecording()
    {
        lock (_gate)
        {
            _recording = false;
        }
    }

    /// <summary>The reads the run began with: the first <paramref name="used"/> of <paramref name="prefetched"/>, then those it asked for.</summary>
    public IReadOnlyList<RecordedRead> Recording(IReadOnlyList<RecordedRead> prefetched, int used)
    {
        lock (_gate)
        {
            return _unknownStart ? [] : prefetched.Take(Math.Clamp(used, 0, prefetched.Count)).Concat(_reads).Take(MaxRecordedReads).ToList();
        }
    }

    public void Print(string text)
    {
        lock (_gate)
        {
            _recording = false; // the worker drops its prefetched answers at a print: reads after it are not the run's start
            if (_cut)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetByteCount(text);
            if (_outputBytes + bytes <= limits.MaxOutputBytesPerRun)
            {
                _outputBytes += bytes;
                services.Output.Write(text);
                return;
            }

            // What still fits, at most 3 bytes a UTF-16 char in UTF-8, then the marker.
            services.Output.Write(text[..(int)Math.Min(text.Length, (limits.MaxOutputBytesPerRun - _outputBytes) / 3)]);
            CutLocked();
        }
    }

    public void Log(LogMessage message)
    {
        lock (_gate)
        {
            _recording = false;
            if (_cut)
            {
                return;
            }

            if (++_logLines > limits.MaxLogLinesPerRun)
            {
                if (_logLines == limits.MaxLogLinesPerRun + 1)
                {
                    services.Log.LogWarning("The script logged more than {Lines} lines; the rest of this run's log is dropped", limits.MaxLogLinesPerRun);
                }

                return;
            }

            var bytes = message.Utf8Bytes();
            if (_outputBytes + bytes > limits.MaxOutputBytesPerRun)
            {
                CutLocked();
                return;
            }

            _outputBytes += bytes;
        }

        services.Log.Log(message.Level, default, new ScriptLogState(message), null, static (state, _) => state.Text);
    }

    private void CutLocked()
    {
        _cut = true;
        var kilobytes = limits.MaxOutputBytesPerRun / 1024;
        services.Output.Write(string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}[output cut: the script printed and logged more than {kilobytes:N0} KB in this run; the rest of its output is dropped]{Environment.NewLine}"));
        services.Log.LogWarning("The script printed and logged more than {Kilobytes} KB in this run; the rest of its output is dropped", kilobytes);
    }
}
