using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Links;

/// <summary>
/// Checkpoints SQLite's WAL for the click log, in the background on a connection of its own. The log's connection does
/// not checkpoint on its own commits: a checkpoint syncs the WAL and the database file, and every click queued behind
/// it waited for that (stalls of 5 to 40 ms, many a second, under a load of redirects).
/// </summary>
internal sealed class ClickCheckpoints(LinkStore store, ILogger logger) : IAsyncDisposable
{
    // About SQLite's own threshold of 1000 WAL pages: a commit of clicks appends three or more (the table, two indexes).
    private const int CommitsBetween = 300;

    private int _commits;
    private Task _running = Task.CompletedTask;

    /// <summary>Counts a commit of the click log, and now and then starts a checkpoint unless one is still running. One committer at a time calls it.</summary>
    public void Committed()
    {
        if (++_commits < CommitsBetween || !_running.IsCompleted)
        {
            return;
        }

        _commits = 0;
        _running = Task.Run(CheckpointAsync);
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await store.CheckpointAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException)
        {
            // Clicks stay safe in the WAL, which only grows until the next checkpoint (the post store's commits make them too).
            logger.LogWarning(ex, "Checkpointing the click log failed; it is tried again after the next {Commits} commits", CommitsBetween);
        }
    }

    public ValueTask DisposeAsync() => new(_running);
}
