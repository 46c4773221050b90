using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Links;

/// <summary>
/// A group commit for clicks without a writer thread: a request queues its click and steps back once behind the work
/// already waiting in the thread pool, so the requests in progress queue theirs too; then whoever finds no commit
/// running commits everything queued in one transaction, on its own thread, and releases the others. Each request
/// returns only once its own click is committed. A lone click costs one insert and one trip through the pool's queue;
/// under load a commit holds about ten clicks (about one without the step back, when commits were most of the
/// redirect's cost). Stepping back only when other clicks were under way was tried: under load many a request found
/// itself alone and committed by itself, and the benchmark's ratio was 2.5 to 2.9 instead of 1.6 to 2.0.
/// </summary>
internal sealed class ClickWriter(LinkStore store, ILogger logger) : IAsyncDisposable, IDisposable
{
    // Bounds one transaction, so a burst is committed in steps rather than holding the write lock for long.
    private const int MaxBatch = 512;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly Lock _commit = new();
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly List<Pending> _batch = new(MaxBatch);
    private readonly ClickCheckpoints _checkpoints = new(store, logger);
    private ClickLog? _log;
    private volatile bool _stopped;

    /// <summary>Completes once <paramref name="click"/> is committed; faults, and the caller must not redirect, when it could not be.</summary>
    public async ValueTask AddAsync(LinkClick click)
    {
        if (_stopped)
        {
            throw new InvalidOperationException("The host is stopping: the click was not counted.");
        }

        if (Volatile.Read(ref _log) is null)
        {
            await OpenAsync();
        }

        var pending = new Pending(click);
        _queue.Enqueue(pending);
        await Task.Yield();
        CommitQueued();
        await pending.Done.Task;
    }

    // Whoever takes the lock commits everything queued, until nothing is; after letting go it looks once more, so a
    // click queued just as the committer finished is never left waiting for a commit that nobody runs.
    private void CommitQueued()
    {
        while (!_queue.IsEmpty && _commit.TryEnter())
        {
            try
            {
                while (!_queue.IsEmpty)
                {
                    CommitBatch();
                }
            }
            finally
            {
                _commit.Exit();
            }
        }
    }

    private void CommitBatch()
    {
        _batch.Clear();
        while (_batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            _batch.Add(next);
        }

        try
        {
            // Not cancellable: once queued, a click is written even if its browser has gone.
            var log = _log ?? throw new InvalidOperationException("The click log is not open.");
            log.Add([.. _batch.Select(p => p.Click)]);
            _batch.ForEach(p => p.Done.TrySetResult());
            _checkpoints.Committed();
        }
        catch (Exception ex)
        {
            // Those requests fail (no redirect); the next click opens a fresh connection, not the broken one.
            _batch.ForEach(p => p.Done.TrySetException(ex));
            var broken = Interlocked.Exchange(ref _log, null);
            broken?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task OpenAsync()
    {
        await _opening.WaitAsync();
        try
        {
            if (_log is null)
            {
                Volatile.Write(ref _log, await store.OpenClickLogAsync(CancellationToken.None));
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Takes no more clicks and closes the log once the queued ones are committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        CommitQueued();
        ClickLog? log;
        lock (_commit)
        {
            log = Interlocked.Exchange(ref _log, null);
        }

        if (log is not null)
        {
            await log.DisposeAsync();
        }

        await _checkpoints.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Pending(LinkClick Click)
    {
        // Asynchronous: a committer never runs another request's continuation on its own thread.
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
