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
