using System.Collections.Frozen;

namespace MarketingOps.Core.Posts;

/// <summary>The only legal moves between <see cref="PostState"/>s; everything else is refused.</summary>
public static class PostStateMachine
{
    private static readonly FrozenDictionary<PostState, PostState[]> Legal = new Dictionary<PostState, PostState[]>
    {
        [PostState.Draft] = [PostState.PendingApproval, PostState.Scheduled, PostState.Cancelled],
        [PostState.PendingApproval] = [PostState.Draft, PostState.Scheduled, PostState.Cancelled],
        // Scheduled -> Scheduled is a reschedule (account budget spent), recorded like any other move;
        // Scheduled -> PendingApproval: the check right before sending asked for a person.
        [PostState.Scheduled] = [PostState.Scheduled, PostState.PendingApproval, PostState.Publishing, PostState.Failed, PostState.Missed, PostState.Cancelled],
        // Publishing -> Scheduled: rate limited or a transient failure, retried later.
        [PostState.Publishing] = [PostState.Published, PostState.Failed, PostState.Unconfirmed, PostState.Scheduled],
        // Failed -> Published / Unconfirmed: `mops post retry` looked first and found it, or could not tell.
        [PostState.Failed] = [PostState.Scheduled, PostState.Cancelled, PostState.Published, PostState.Unconfirmed],
        // A human resolves an unconfirmed post one way or the other.
        [PostState.Unconfirmed] = [PostState.Published, PostState.Failed],
        [PostState.Published] = [],
        [PostState.Cancelled] = [],
        [PostState.Missed] = [],
    }.ToFrozenDictionary();

    /// <summary>The states a new post may start in.</summary>
    public static IReadOnlyList<PostState> InitialStates { get; } = [PostState.Draft, PostState.PendingApproval, PostState.Scheduled];

    /// <summary>True when a post may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsLegal(PostState from, PostState to) => Legal[from].Contains(to);

    /// <summary>The states reachable from <paramref name="from"/>.</summary>
    public static IReadOnlyList<PostState> Next(PostState from) => Legal[from];

    /// <summary>Throws <see cref="IllegalTransitionException"/> unless the move is legal.</summary>
    public static void Ensure(string postId, PostState from, PostState to)
    {
        if (!IsLegal(from, to))
        {
            throw new IllegalTransitionException(postId, from, to);
        }
    }
}
