using System.Collections.Concurrent;

namespace MarketingOps.Core.Links;

/// <summary>
/// What the host's <c>/l/{code}</c> does: finds the code's target, classifies the request, and stores it before the
/// caller answers with the redirect. Requests that arrive together are stored in one transaction (a group commit),
/// so the store's write is shared instead of queued once per click.
/// </summary>
internal sealed class LinkRedirects(LinkStore store, UserAgentClassifier classifier, TimeProvider time) : IDisposable
{
    // Only codes that exist are kept, so the cache never grows with what strangers ask for.
    private readonly ConcurrentDictionary<string, LinkTarget> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>
    /// The target of <paramref name="code"/> once the request is durably counted (a person's click, or a bot's hit
    /// apart); null for an unknown code. A failure to store throws, and no redirect may be sent.
    /// </summary>
    public async Task<LinkTarget?> FollowAsync(string code, string method, string? userAgent, CancellationToken cancellationToken)
    {
        if (!ShortCodes.IsWellFormed(code))
        {
            return null;
        }

        if (!_known.TryGetValue(code, out var target))
        {
            target = await store.FindAsync(code, cancellationToken);
            if (target is null)
            {
                return null;
            }

            _known[code] = target;
        }

        await RecordAsync(new LinkClick(code, target.PostId, time.GetUtcNow(), classifier.Classify(method, userAgent)));
        return target;
    }

    private async Task RecordAsync(LinkClick click)
    {
        var pending = new Pending(click);
        _queue.Enqueue(pending);
        // Whoever finds the writer free writes everything queued; a writer looks at the queue again after letting go,
        // so a click queued while it wrote is never stranded, and nobody waits in line for a click already written.
        while (!_queue.IsEmpty && _writer.Wait(0))
        {
            try
            {
                while (!_queue.IsEmpty)
                {
                    await WriteQueuedAsync();
                }
            }
            finally
            {
                _writer.Release();
            }
        }

        await pending.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>();
        while (_queue.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            // Not cancellable: once queued, a click is written even if its browser has gone.
            await store.AddClicksAsync([.. batch.Select(p => p.Click)], CancellationToken.None);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex)
        {
            batch.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    public void Dispose() => _writer.Dispose();

    private sealed record Pending(LinkClick Click)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
