using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Analytics;

/// <summary>
/// The metrics job's side for every published post, experiment or not: tracks what publishing published (posts and
/// replies; direct messages have no public counters) and says which are due, on a schedule that slows as they age.
/// </summary>
internal sealed class PostAnalytics(IPostStore posts, IPostMetricsStore store)
{
    /// <summary>The most posts one round takes from the due list; the rest wait for the next round.</summary>
    public const int MaxPerRound = 10_000;

    /// <summary>Starts tracking posts published in the last <see cref="CollectionSchedule.MaxAge"/>, then lists those due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<PostMetricsRow>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await posts.ListDueSinceAsync([PostState.Published], now - CollectionSchedule.MaxAge, cancellationToken);

        // Published is a final state, so the post's last change is when it was published.
        await store.TrackAsync(
            [.. published
                .Where(p => p.Kind != MessageKind.DirectMessage && p.PlatformPostId is not null)
                .Select(p => new PostMetricsRow(p.Id, p.Account, p.PlatformPostId!, p.UpdatedAt))],
            cancellationToken);
        return await store.ListDueAsync(now, MaxPerRound, cancellationToken);
    }

    /// <summary>Stores what one round collected; each post's next collection follows its age.</summary>
    public Task RecordAsync(IReadOnlyList<PostMetricsRow> collected, CancellationToken cancellationToken) => store.RecordAsync(collected, cancellationToken);
}
