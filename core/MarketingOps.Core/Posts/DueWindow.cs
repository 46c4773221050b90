namespace MarketingOps.Core.Posts;

/// <summary>
/// The posts due in one window of time (a calendar's local day): how many in each state, and the first few of them in
/// list order (due time, then id), which is all a month view draws.
/// </summary>
/// <param name="Counts">How many posts of the window are in each state; states with none are absent.</param>
/// <param name="First">The window's earliest posts, at most as many as were asked for.</param>
internal sealed record DueWindow(IReadOnlyDictionary<PostState, int> Counts, IReadOnlyList<Post> First)
{
    /// <summary>Every post of the window, shown or not.</summary>
    public int Total => Counts.Values.Sum();
}
