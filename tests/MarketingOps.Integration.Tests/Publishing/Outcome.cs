using System.Globalization;
using System.Text;
using MarketingOps.Core.Posts;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// Checks the two promises on the platform's side and the host's: never twice (no key with two posts on the network)
/// and never lost (every post Published as the one post the network has, or Unconfirmed with what a person should do).
/// </summary>
internal static class Outcome
{
    public static readonly PostState[] Final = [PostState.Published, PostState.Unconfirmed];

    /// <summary>States that stop a thread where it is, shown to a person.</summary>
    private static readonly PostState[] Stops = [PostState.Unconfirmed, PostState.Failed];

    /// <summary>Final, or a later thread part that waits behind a part stopped for a person (it goes on once that is resolved).</summary>
    public static bool IsSettled(Post post, IReadOnlyList<Post> all) => Final.Contains(post.State) || WaitsBehindStop(post, all);

    private static bool WaitsBehindStop(Post post, IReadOnlyList<Post> all) =>
        post.ContinuesThread && post.State is PostState.Scheduled or PostState.Cancelled
        && all.Any(p => p.ThreadId == post.ThreadId && p.ThreadPart < post.ThreadPart && Stops.Contains(p.State));

    /// <summary>Threads in progress: some parts out, some still to go (not waiting behind a stopped part).</summary>
    public static int ThreadsInProgress(IReadOnlyList<Post> posts) =>
        posts.Where(p => p.ThreadId is not null).GroupBy(p => p.ThreadId).Count(t =>
            t.Any(p => p.State == PostState.Published) && t.Any(p => p.State != PostState.Published && !WaitsBehindStop(p, posts) && !Stops.Contains(p.State)));

    /// <summary>
    /// Every thread is complete and in order on the platform (each part created after the part before it, as a reply to
    /// it), or stopped at a part shown to a person with its reason, nothing after it on the platform.
    /// </summary>
    public static void AssertThreadsInOrderOrVisiblyStopped(IReadOnlyList<Post> posts, FakePlatformServer server, int expectedThreads)
    {
        var problems = new List<string>();
        var threads = posts.Where(p => p.ThreadId is not null).GroupBy(p => p.ThreadId!).ToList();
        if (threads.Count != expectedThreads)
        {
            problems.Add($"{threads.Count} threads stored, {expectedThreads} scheduled");
        }

        foreach (var thread in threads)
        {
            var parts = thread.OrderBy(p => p.ThreadPart).ToList();
            if (parts.Select(p => p.ThreadPart).SequenceEqual(Enumerable.Range(1, parts[0].ThreadParts)) is false)
            {
                problems.Add($"thread {thread.Key} has parts {string.Join(",", parts.Select(p => p.ThreadPart))} of {parts[0].ThreadParts}");
                continue;
            }

            FakePlatformServer.CreatedPost? OnPlatform(Post p) => server.Created.TryGetValue(p.IdempotencyKey, out var c) && c.TryPeek(out var first) ? first : null;
            var stop = parts.FindIndex(p => p.State != PostState.Published);
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var created = OnPlatform(part);
                var before = i == 0 ? null : OnPlatform(parts[i - 1]);
                if (stop >= 0 && i > stop)
                {
                    if (created is not null)
                    {
                        problems.Add($"thread {thread.Key} stopped at part {stop + 1}, but part {i + 1} is on the platform (out of order)");
                    }

                    continue;
                }

                if (created is null)
                {
                    if (i != stop)
                    {
                        problems.Add($"thread {thread.Key} part {i + 1} ({part.State}) is not on the platform");
                    }

                    continue;
                }

                if (i > 0 && (before is null || created.InReplyTo != before.Id || created.Sequence < before.Sequence))
                {
                    problems.Add($"thread {thread.Key} part {i + 1} replies to {created.InReplyTo ?? "nothing"} (#{created.Sequence}), part {i} is {before?.Id ?? "missing"} (#{before?.Sequence})");
                }

                if (i == 0 && created.InReplyTo is not null)
                {
                    problems.Add($"thread {thread.Key} part 1 replies to {created.InReplyTo}");
                }
            }

            if (stop >= 0)
            {
                var stopped = parts[stop];
                if (!Stops.Contains(stopped.State) || string.IsNullOrWhiteSpace(stopped.LastError) || MarketingOps.Core.Posts.PostThreads.Stopped(parts) is null)
                {
                    problems.Add($"thread {thread.Key} stopped at part {stop + 1} ({stopped.State}) without saying why: {stopped.LastError}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }

    public static void AssertNeverTwiceNeverLost(IReadOnlyList<Post> posts, FakePlatformServer server, int expected)
    {
        var problems = new List<string>();
        if (posts.Count != expected)
        {
            problems.Add($"{posts.Count} posts stored, {expected} scheduled");
        }

        foreach (var post in posts)
        {
            var unsure = post.Text.Contains(FakePlatformServer.UnsureMarker, StringComparison.Ordinal);
            var onPlatform = server.Created.TryGetValue(post.IdempotencyKey, out var created) && created.TryPeek(out var first) ? first : null;
            switch (post.State)
            {
                case PostState.Published when onPlatform is null:
                    problems.Add($"{post.Id} is Published, but the platform has no such post (lost)");
                    break;
                case PostState.Published when onPlatform.Id != post.PlatformPostId:
                    problems.Add($"{post.Id} is Published as {post.PlatformPostId}, the platform has {onPlatform.Id}");
                    break;
                case PostState.Published:
                    break;
                case PostState.Unconfirmed when !(post.LastError ?? "").Contains($"mops post resolve {post.Id}", StringComparison.Ordinal):
                    problems.Add($"{post.Id} is Unconfirmed without telling a person how to resolve it: {post.LastError}");
                    break;
                case PostState.Scheduled or PostState.Cancelled when WaitsBehindStop(post, posts):
                    // A later thread part behind a part a person must resolve: stopped there, visibly; not lost.
                    break;
                case PostState.Unconfirmed:
                    // The host could not tell (the lookup lagged or failed) and nothing protected a repeat: a person
                    // decides, told how. Not lost: shown. Only a second copy on the network would be a failure.
                    break;
                default:
                    problems.Add($"{post.Id} ({(unsure ? "unsure" : "plain")}) ended {post.State}: {post.LastError}");
                    break;
            }
        }

        var known = posts.Select(p => p.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(server.Created.Keys.Where(k => !known.Contains(k)).Select(k => $"the platform has {k}, which no post owns"));
        problems.AddRange(server.Duplicates.Select(k => $"{k} is on the platform {server.Created[k].Count} times (posted twice)"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }

    public static string Summary(IReadOnlyList<Post> posts, FakePlatformServer server, int kills, int midPublish)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{server.Behaviour}: {kills} kills, {midPublish} of them mid-publish; ");
        text.Append(CultureInfo.InvariantCulture, $"{server.PublishRequests} publish requests ({server.RequestsPastKeyLifetime} past the key lifetime), {server.FaultsInjected} faults injected; ");
        text.Append(string.Join(", ", posts.GroupBy(p => p.State).Select(g => $"{g.Count()} {g.Key}")));
        text.Append(CultureInfo.InvariantCulture, $"; {posts.Sum(p => p.Attempts)} attempts");
        return text.ToString();
    }
}
