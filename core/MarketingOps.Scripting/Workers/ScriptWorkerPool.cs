using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.Workers;

/// <summary>
/// The host's script workers: none until the first script, then a few kept warm. A worker serves one run at a time and is
/// replaced after <see cref="ScriptWorkerOptions.RunsPerWorker"/> runs, after any run that did not end cleanly, and
/// when its memory passes <see cref="ScriptWorkerOptions.RecycleAbove"/>; a replacement starts in the background.
/// </summary>
internal sealed class ScriptWorkerPool : IDisposable
{
    private readonly ScriptWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly List<ScriptWorker> _idle = [];
    private readonly HashSet<ScriptWorker> _all = [];
    private bool _disposed;

    public ScriptWorkerPool(ScriptWorkerOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxWorkers));
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
    /// A worker for one run, preferring one that still has <paramref name="key"/> loaded; waits while
    /// <see cref="ScriptWorkerOptions.MaxWorkers"/> are busy. Give it back with <see cref="Release"/>.
    /// </summary>
    public async Task<ScriptWorker> AcquireAsync(string? key, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
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
            return found ?? StartWorker();
        }
        catch
        {
            _slots.Release();
            throw;
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
        _slots.Release();
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
}
