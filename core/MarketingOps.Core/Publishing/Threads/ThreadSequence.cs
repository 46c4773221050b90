using MarketingOps.Core.Posts;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Publishing.Threads;

/// <summary>
/// Keeps a thread's parts in order: a later part is linked to the part before it (its platform id becomes the reply
/// target) only once that part is Published, and gets its trigger then. Nothing here publishes, so a crash anywhere
/// leaves every part in a state the engine and the sweep finish from: never a part out of order, never a gap.
/// </summary>
internal sealed class ThreadSequence(IPostStore store, IPublishScheduler scheduler, TimeProvider time, ILogger logger)
{
    /// <summary>States after which an earlier part will never be published by the engine: the parts after it stop too.</summary>
    private static readonly PostState[] Ended = [PostState.Cancelled, PostState.Missed];

    public async Task<IReadOnlyList<Post>> PartsAsync(string threadId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(new PostQuery(Limit: 10_000) { ThreadId = threadId }, cancellationToken)).OrderBy(p => p.ThreadPart)];

    /// <summary>True while a later part has to wait for the part before it (which is not out yet, nor ended).</summary>
    public async Task<bool> IsWaitingAsync(Post post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!post.ContinuesThread || post.IsLinked)
        {
            return false;
        }

        var earlier = (await PartsAsync(post.ThreadId!, cancellationToken)).FirstOrDefault(p => p.ThreadPart == post.ThreadPart - 1);
        return earlier is not null && earlier.State != PostState.Published && !Ended.Contains(earlier.State);
    }

    /// <summary>
    /// For a later part that fires before it is linked: links it to the part before it when that one is out (the
    /// post as stored then), ends it when that one ended, or returns null while it has to wait.
    /// </summary>
    public async Task<(Post Next, string Reason)?> LinkAsync(Post post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var parts = await PartsAsync(post.ThreadId!, cancellationToken);
        var earlier = parts.FirstOrDefault(p => p.ThreadPart == post.ThreadPart - 1);
        var first = parts.FirstOrDefault(p => p.ThreadPart == 1);
        var before = post.ThreadPart - 1;
        if (earlier is null)
        {
            return (post with { State = PostState.Cancelled, LastError = $"part {before} of its thread is missing from the store; the thread stops here" }, $"part {before} of its thread is missing; the thread stops here");
        }

        if (Ended.Contains(earlier.State))
        {
            var why = $"part {before} of its thread is {earlier.State}; the thread stops there, and this part is not published";
            return (post with { State = PostState.Cancelled, LastError = why }, why);
        }

        if (earlier.State != PostState.Published)
        {
            logger.LogDebug("Part {Part} of thread {ThreadId} waits for part {Before}, which is {State}", post.ThreadPart, post.ThreadId, before, earlier.State);
            return null;
        }

        if (earlier.PlatformPostId is not { } parentId || first?.PlatformPostId is not { } rootId)
        {
            var why = $"part {before} of its thread was marked published by hand without the platform's id, so this part cannot reply to it; publish the rest by hand and cancel it, or cancel it";
            return (post with { State = PostState.Failed, LastError = why }, why);
        }

        // Late is measured from when the part before went out: a part never goes out long after it, unnoticed.
        var due = earlier.UpdatedAt > post.DueAt ? earlier.UpdatedAt : post.DueAt;
        return (post with { InReplyTo = parentId, ThreadRootId = rootId, DueAt = due, LastError = null }, $"part {before} is out as {parentId}; this part replies to it");
    }

    /// <summary>After a part is Published: fires the part after it now. If this is lost in a crash, the sweep fires it.</summary>
    public async Task ContinueAfterAsync(Post published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.ThreadId is not { } threadId || published.ThreadPart >= published.ThreadParts)
        {
            return;
        }

        try
        {
            var next = (await PartsAsync(threadId, cancellationToken)).FirstOrDefault(p => p.ThreadPart == published.ThreadPart + 1);
            if (next?.State == PostState.Scheduled)
            {
                await scheduler.ScheduleAsync(next.Id, time.GetUtcNow(), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not fire part {Part} of thread {ThreadId}; the sweep will", published.ThreadPart + 1, threadId);
        }
    }
}
