namespace MarketingOps.Core.Posts;

/// <summary>What a person is told about a thread that does not go on by itself.</summary>
public static class PostThreads
{
    private static readonly PostState[] Stopping = [PostState.Failed, PostState.Unconfirmed, PostState.Cancelled, PostState.Missed, PostState.PendingApproval];

    /// <summary>Where the thread stopped and why, and what the parts after it do; null while it is complete or on its way.</summary>
    public static string? Stopped(IReadOnlyList<Post> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var stop = parts.OrderBy(p => p.ThreadPart).FirstOrDefault(p => Stopping.Contains(p.State));
        if (stop is null)
        {
            return null;
        }

        var count = parts.Count;
        var after = count - stop.ThreadPart;
        var rest = after == 0 ? "it is the last part"
            : stop.State is PostState.Cancelled or PostState.Missed ? $"part(s) {stop.ThreadPart + 1}–{count} are not published"
            : $"part(s) {stop.ThreadPart + 1}–{count} wait for it (`mops post {(stop.State == PostState.Failed ? "retry" : stop.State == PostState.Unconfirmed ? "resolve" : "show")} {stop.Id}`)";
        var why = stop.LastError is { Length: > 0 } error ? $": {error}" : "";
        return $"the thread stopped at part {stop.ThreadPart} of {count} ({stop.State}{why}); {rest}";
    }
}
