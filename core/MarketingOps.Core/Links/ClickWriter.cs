using System.Threading.Channels;

namespace MarketingOps.Core.Links;

/// <summary>
/// A group commit for clicks: requests queue their click and wait; one writer takes everything queued, commits it in
/// one transaction, then releases each waiting request. Clicks that arrive while a commit runs share the next one.
/// </summary>
internal sealed class ClickWriter : IAsyncDisposable, IDisposable
{
    // Bounds one transaction, so a burst is committed in steps rather than holding the write lock for long.
    private const int MaxBatch = 512;

    // Synchronous continuations: the click that wakes an idle writer is committed on its own request's thread, so a
    // lone click costs no hand-over to another thread and back; the writer yields after each batch to give it back.
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly LinkStore _store;
    private readonly Task _writing;

    public ClickWriter(LinkStore store)
    {
        _store = store;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Completes once <paramref name="click"/> is committed; faults, and the caller must not redirect, when it could not be.</summary>
    public Task AddAsync(LinkClick click)
    {
        var pending = new Pending(click);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException(new InvalidOperationException("The host is stopping: the click was not counted."));
    }

    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        ClickLog? log = null;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    // Not cancellable: once queued, a click is written even if its browser has gone.
                    log ??= await _store.OpenClickLogAsync(CancellationToken.None);
                    await log.AddAsync([.. batch.Select(p => p.Click)], CancellationToken.None);
                    batch.ForEach(p => p.Done.TrySetResult());
                }
                catch (Exception ex)
                {
                    batch.ForEach(p => p.Done.TrySetException(ex));
                    // Those requests fail (no redirect); the next batch starts on a fresh connection, not a broken one.
                    if (log is not null)
                    {
                        await log.DisposeAsync();
                        log = null;
                    }
                }

                batch.Clear();
                await Task.Yield();
            }
        }
        finally
        {
            if (log is not null)
            {
                await log.DisposeAsync();
            }
        }
    }

    /// <summary>Takes no more clicks and waits until the queued ones are committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private sealed record Pending(LinkClick Click)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
