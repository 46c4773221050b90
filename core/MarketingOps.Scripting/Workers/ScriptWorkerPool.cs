using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// The host's script workers: none until the first script, then a few kept warm. A worker serves one run at a time and is
/// replaced after <see cref="ScriptWorkerOptions.RunsPerWorker"/> runs, after any run that did not end cleanly, and
/// when its memory passes <see cref="ScriptWorkerOptions.RecycleAbove"/>; a replacement starts in the background.
/// Long runs (past <see cref="ScriptWorkerOptions.LongRunAfter"/>, or of a script whose recent run was) never hold the
/// last worker, so a short script never waits for slow ones: waiting runs are served in order, except that a short
/// run passes long runs that may not start yet, and when runs that grew long hold every worker, one more starts.
/// </summary>
internal sealed class ScriptWorkerPool : IDisposable
{
    private readonly ScriptWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<ScriptWorker> _idle = [];
    private readonly HashSet<ScriptWorker> _all = [];
    private readonly LinkedList<Waiter> _waiting = [];
    private readonly Dictionary<ScriptWorker, bool> _busy = []; // a worker handed out, and whether its run counts as long
    private int _shortRuns;
    private int _longRuns;
    private bool _disposed;

    public ScriptWorkerPool(ScriptWorkerOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    public ScriptWorkerOptions Options => _options;

    /// <summary>Worker processes alive now (idle or busy).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count(w => !w.IsGone);
            }
        }
    }

    /// <summary>The process ids of its live workers.</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _all.Where(w => !w.IsGone).Select(w => w.ProcessId)];
            }
        }
    }

    /// <summary>Workers started since the pool was made.</summary>
    public int Started { get; private set; }

    /// <summary>
    /// A worker for one run, preferring one that still has <paramref name="key"/> loaded; waits while the workers its
    /// lane may use are busy. Give it back with <see cref="Release"/>.
    /// </summary>
    /// <param name="key">The script's cache key.</param>
    /// <param name="longRun">True for a script known to run long: it may not take the last worker.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async Task<ScriptWorker> AcquireAsync(string? key, bool longRun, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(longRun);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiting.AddLast(waiter.Node);
            Pump();
        }

        if (!waiter.Granted.Task.IsCompleted)
        {
            await using var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (waiter.Node.List is not null)
                    {
                        _waiting.Remove(waiter.Node);
                        waiter.Granted.TrySetCanceled(cancellationToken);
                    }
                }
            });
            await waiter.Granted.Task;
        }

        try
        {
            List<ScriptWorker> gone;
            ScriptWorker? found;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                gone = _idle.Where(w => w.IsGone).ToList();
                foreach (var worker in gone)
                {
                    _idle.Remove(worker);
                    Forget(worker);
                }

                found = (key is null ? null : _idle.FirstOrDefault(w => w.Holds(key))) ?? _idle.FirstOrDefault();
                if (found is not null)
                {
                    _idle.Remove(found);
                }
            }

            gone.ForEach(w => w.Dispose());
            var leased = found ?? StartWorker();
            lock (_gate)
            {
                _busy[leased] = longRun;
            }

            return leased;
        }
        catch
        {
            lock (_gate)
            {
                Free(longRun);
            }

            throw;
        }
    }

    /// <summary>
    /// Counts <paramref name="worker"/>'s run as long from now on (it has run past
    /// <see cref="ScriptWorkerOptions.LongRunAfter"/>): a short run waiting may get a worker of its own.
    /// </summary>
    public void MarkLong(ScriptWorker worker)
    {
        lock (_gate)
        {
            if (_busy.TryGetValue(worker, out var isLong) && !isLong)
            {
                _busy[worker] = true;
                _shortRuns--;
                _longRuns++;
                Pump();
            }
        }
    }

    /// <summary>Takes a worker back after a run; <paramref name="recycle"/> (or its age or memory) replaces it.</summary>
    public void Release(ScriptWorker worker, bool recycle)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var retire = recycle || worker.IsGone || worker.Runs >= _options.RunsPerWorker || worker.WorkingSet > _options.RecycleAbove;
        ScriptWorker? extra = null;
        var spare = false;
        lock (_gate)
        {
            if (_busy.Remove(worker, out var wasLong))
            {
                Free(wasLong);
            }

            if (_disposed)
            {
                retire = true;
            }
            else if (!retire)
            {
                _idle.Insert(0, worker);
                if (_idle.Count > Math.Max(1, _options.WarmWorkers))
                {
                    extra = _idle[^1];
                    _idle.RemoveAt(_idle.Count - 1);
                }
            }

            if (retire)
            {
                Forget(worker);
                spare = !_disposed && _idle.Count < _options.WarmWorkers;
            }

            if (extra is not null)
            {
                Forget(extra);
            }
        }

        if (retire)
        {
            worker.Dispose();
        }

        extra?.Dispose();
        if (spare)
        {
            _ = Task.Run(StartSpare);
        }
    }

    public void Dispose()
    {
        List<ScriptWorker> all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _all];
            _all.Clear();
            _idle.Clear();
            foreach (var waiter in _waiting)
            {
                waiter.Granted.TrySetException(new ObjectDisposedException(nameof(ScriptWorkerPool)));
            }

            _waiting.Clear();
        }

        foreach (var worker in all)
        {
            worker.Dispose();
        }
    }

    private ScriptWorker StartWorker()
    {
        var worker = ScriptWorker.Start(_options, _time, _logger);
        lock (_gate)
        {
            Started++;
            if (_disposed)
            {
                worker.Dispose();
                throw new ObjectDisposedException(nameof(ScriptWorkerPool));
            }

            _all.Add(worker);
        }

        return worker;
    }

    /// <summary>A replacement for a retired worker, so the next script does not wait for a process to start.</summary>
    private void StartSpare()
    {
        try
        {
            var worker = StartWorker();
            lock (_gate)
            {
                if (!_disposed && _idle.Count < Math.Max(1, _options.WarmWorkers))
                {
                    _idle.Add(worker);
                    return;
                }

                Forget(worker);
            }

            worker.Dispose();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "A spare script worker could not be started");
        }
    }

    private void Forget(ScriptWorker worker) => _all.Remove(worker);

    /// <summary>Whether a run of this lane may have a worker now (called under the lock).</summary>
    private bool Fits(bool longRun)
    {
        var max = Math.Max(1, _options.MaxWorkers);
        var busy = _shortRuns + _longRuns;
        return longRun
            ? busy < max && _longRuns < Math.Max(1, max - 1)
            : busy < max || (_shortRuns == 0 && busy < max + 1); // long runs hold them all: one more for short runs
    }

    /// <summary>Grants waiting runs in order, each that fits (called under the lock).</summary>
    private void Pump()
    {
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            var waiter = node.Value;
            if (Fits(waiter.LongRun))
            {
                _waiting.Remove(node);
                if (waiter.LongRun)
                {
                    _longRuns++;
                }
                else
                {
                    _shortRuns++;
                }

                waiter.Granted.TrySetResult();
            }

            node = next;
        }
    }

    private void Free(bool longRun)
    {
        if (longRun)
        {
            _longRuns--;
        }
        else
        {
            _shortRuns--;
        }

        Pump();
    }

    /// <summary>A run waiting for a worker.</summary>
    private sealed class Waiter
    {
        public Waiter(bool longRun)
        {
            LongRun = longRun;
            Node = new LinkedListNode<Waiter>(this);
        }

        public bool LongRun { get; }

        public LinkedListNode<Waiter> Node { get; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
