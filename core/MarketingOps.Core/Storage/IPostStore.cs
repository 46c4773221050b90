using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Storage;

/// <summary>Durable posts and their history. Every change is a compare-and-set on <see cref="Post.Version"/>.</summary>
internal interface IPostStore
{
    /// <summary>Where the data lives, for messages (a file path or a database name; never a password).</summary>
    string Description { get; }

    /// <summary>Creates or upgrades the schema; safe to call again and from several processes.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new post and its first transition; with <paramref name="heldItem"/>, its inbox item in the same
    /// transaction, so a post never waits for an approval no command can give.
    /// </summary>
    Task<Post> InsertAsync(Post post, string reason, CancellationToken cancellationToken, InboxItem? heldItem = null);

    /// <summary>Stores new posts (a group, a thread) in one transaction: all of them or none.</summary>
    Task<IReadOnlyList<Post>> InsertAllAsync(IReadOnlyList<NewPost> posts, CancellationToken cancellationToken);

    Task<Post?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PostTransition>> GetHistoryAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Post>> ListAsync(PostQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// For each window between consecutive <paramref name="bounds"/> (ascending instants; a window takes its start, not
    /// its end), the posts matching <paramref name="filter"/> counted by state, and its first <paramref name="firstPerWindow"/>
    /// posts: what a calendar draws, without reading every row of the range. The filter's limit and cursor are ignored.
    /// </summary>
    Task<IReadOnlyList<DueWindow>> SummarizeDueAsync(IReadOnlyList<DateTimeOffset> bounds, PostQuery filter, int firstPerWindow, CancellationToken cancellationToken);

    /// <summary>Posts in one of <paramref name="states"/> due at or after <paramref name="dueFrom"/>, earliest first.</summary>
    Task<IReadOnlyList<Post>> ListDueSinceAsync(IReadOnlyCollection<PostState> states, DateTimeOffset dueFrom, CancellationToken cancellationToken);

    /// <summary>
    /// When <paramref name="account"/>'s posts were claimed for publishing after <paramref name="since"/>, newest first,
    /// at most <paramref name="limit"/>: what the publish rate budgets count.
    /// </summary>
    Task<IReadOnlyList<DateTimeOffset>> ListClaimsSinceAsync(string account, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>The post of <paramref name="account"/> that last moved to <paramref name="state"/>, and when; null when none did.</summary>
    Task<(string PostId, DateTimeOffset At)?> LastMovedToAsync(string account, PostState state, CancellationToken cancellationToken);

    /// <summary>The position of the newest change (the last transition's sequence number); 0 when there is none.</summary>
    Task<long> GetChangePositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Changes after position <paramref name="after"/>, in position order, each with the post as it is now. On PostgreSQL
    /// positions can commit out of order, so a reader keeps the gaps it saw and asks again (see MessageHistoryFollower).
    /// </summary>
    Task<IReadOnlyList<PostChange>> ListChangesAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> by <paramref name="next"/> when the stored version is still
    /// <paramref name="current"/>'s and the move is legal; records the transition. Returns the stored post,
    /// or <see langword="null"/> when someone else changed it first. <paramref name="heldItem"/> is stored in the same
    /// transaction (a post moved to <see cref="PostState.PendingApproval"/> and its inbox item).
    /// </summary>
    Task<Post?> TryTransitionAsync(Post current, Post next, string reason, CancellationToken cancellationToken, InboxItem? heldItem = null);

    /// <summary>
    /// Moves a scheduled post to <see cref="PostState.Publishing"/> in one transaction, unless another post of
    /// the same account is publishing or one of <paramref name="budgets"/> is spent.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(Post current, DateTimeOffset now, string instanceId, IReadOnlyList<RateBudget> budgets, CancellationToken cancellationToken);
}
