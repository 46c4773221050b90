using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// The host's script workers: none until the first script, then a few kept warm. A worker serves one run at a time and is
/// replaced after <see cref="ScriptWorkerOptions.RunsPerWorker"/> runs, after any run that did not end cleanly, and
/// when its memory passes <see cref="ScriptWorkerOptions.RecycleAbove"/>; a replacement starts in the background.
/// Slow runs (of a script whose recent run passed <see cref="ScriptWorkerOptions.LongRunAfter"/>) and new ones (a
/// scheduled script with no record of finishing quickly) share all but the last worker; one new run at a time may try
/// the last. So a quick script never waits for slow ones: waiting runs are served in order, except that a run passes
/// those that may not start yet, and when no quick run under the bound holds a worker, one more starts for quick runs.
/// </summary>
internal sealed class ScriptWorkerPool : IDisposable
{
    private readonly ScriptWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<ScriptWorker> _idle = [];
    private readonly HashSet<ScriptWorker> _all = [];
    private readonly LinkedList<Grant> _waiting = [];
    private readonly HashSet<Grant> _granted = [];
    private readonly Dictionary<ScriptWorker, Grant> _busy = []; // a worker handed out, and the grant its run holds
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
    public Task<ScriptWorker> AcquireAsync(string? key, bool longRun, CancellationToken cancellationToken)
        => AcquireAsync(key, longRun ? RunLane.Slow : RunLane.Quick, key ?? "a script", cancellationToken);

    /// <summary>A worker for one run in <paramref name="lane"/>; <paramref name="holder"/> names the run in <see cref="Holders"/>.</summary>
    public async Task<ScriptWorker> AcquireAsync(string? key, RunLane lane, string holder, CancellationToken cancellationToken)
    {
        var grant = new Grant(lane, holder);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiting.AddLast(grant.Node);
            Pump();
        }

        if (!grant.Granted.Task.IsCompleted)
        {
            await using var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (grant.Node.List is not null)
                    {
                        _waiting.Remove(grant.Node);
                        grant.Granted.TrySetCanceled(cancellationToken);
                    }
                }
            });
            await grant.Granted.Task;
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
                _busy[leased] = grant;
            }

            return leased;
        }
        catch
        {
            lock (_gate)
            {
                Free(grant);
            }

            throw;
        }
    }

    /// <summary>The runs holding workers now, in no particular order (to say why a run waits).</summary>
    public IReadOnlyList<WorkerHolder> Holders()
    {
        lock (_gate)
        {
            return [.. _granted.Select(g => new WorkerHolder(g.Holder, g.Lane, g.Long, g.Trial))];
        }
    }

    /// <summary>
    /// Counts <paramref name="worker"/>'s run as long from now on (it has run past
    /// <see cref="ScriptWorkerOptions.LongRunAfter"/>): a quick run waiting may get a worker of its own.
    /// </summary>
    public void MarkLong(ScriptWorker worker)
    {
        lock (_gate)
        {
            if (_busy.TryGetValue(worker, out var grant) && !grant.Long)
            {
                grant.Long = true;
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
            if (_busy.Remove(worker, out var grant))
            {
                Free(grant);
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

    /// <summary>
    /// Whether a run may have a worker now, and whether as the new script trying the last one (called under the lock).
    /// Slow and new runs, with runs that grew long, hold at most <c>MaxWorkers − 1</c>; a quick run takes any worker,
    /// or one more when no quick run under the bound holds one.
    /// </summary>
    private bool Fits(RunLane lane, out bool trial)
    {
        trial = false;
        var max = Math.Max(1, _options.MaxWorkers);
        var busy = _granted.Count;
        var held = _granted.Count(g => g.Long || (g.Lane != RunLane.Quick && !g.Trial)); // the shared lane's workers
        var sharedFree = busy < max && held < Math.Max(1, max - 1);
        switch (lane)
        {
            case RunLane.Quick:
                return busy < max || (!_granted.Any(g => g.Lane == RunLane.Quick && !g.Long) && busy < max + 1);
            case RunLane.Slow:
                return sharedFree;
            default:
                if (sharedFree)
                {
                    return true;
                }

                trial = busy < max && !_granted.Any(g => g.Trial);
                return trial;
        }
    }

    /// <summary>Grants waiting runs in order, each that fits (called under the lock).</summary>
    private void Pump()
    {
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            var grant = node.Value;
            if (Fits(grant.Lane, out var trial))
            {
                _waiting.Remove(node);
                grant.Trial = trial;
                _granted.Add(grant);
                grant.Granted.TrySetResult();
            }

            node = next;
        }
    }

    private void Free(Grant grant)
    {
        _granted.Remove(grant);
        Pump();
    }

    /// <summary>A run waiting for a worker, then holding one.</summary>
    private sealed class Grant
    {
        public Grant(RunLane lane, string holder)
        {
            Lane = lane;
            Holder = holder;
            Node = new LinkedListNode<Grant>(this);
        }

        public RunLane Lane { get; }

        public string Holder { get; }

        /// <summary>A new script's run granted the last worker (changed under the pool's lock).</summary>
        public bool Trial { get; set; }

        /// <summary>Past the bound (changed under the pool's lock).</summary>
        public bool Long { get; set; }

        public LinkedListNode<Grant> Node { get; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
