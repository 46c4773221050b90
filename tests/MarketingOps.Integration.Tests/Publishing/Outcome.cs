using System.Globalization;
using System.Text;
using MarketingOps.Core.Posts;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>Checks the invariant on the platform's side and the host's: every post once, or Unconfirmed where the fake made it so.</summary>
internal static class Outcome
{
    public static readonly PostState[] Final = [PostState.Published, PostState.Unconfirmed];

    public static void AssertEveryPostOnce(IReadOnlyList<Post> posts, FakePlatformServer server, int expected)
    {
        var problems = new List<string>();
        if (posts.Count != expected)
        {
            problems.Add($"{posts.Count} posts stored, {expected} scheduled");
        }

        foreach (var post in posts)
        {
            var unsure = post.Text.Contains(FakePlatformServer.UnsureMarker, StringComparison.Ordinal);
            var created = server.Created.TryGetValue(post.IdempotencyKey, out var onPlatform);
            switch (post.State)
            {
                case PostState.Published when unsure:
                    problems.Add($"{post.Id} is Published, but the fake never confirmed it");
                    break;
                case PostState.Published when !created:
                    problems.Add($"{post.Id} is Published, but the platform has no such post (lost)");
                    break;
                case PostState.Published when onPlatform!.Id != post.PlatformPostId:
                    problems.Add($"{post.Id} is Published as {post.PlatformPostId}, the platform has {onPlatform.Id}");
                    break;
                case PostState.Published:
                    break;
                case PostState.Unconfirmed when unsure:
                    break;
                default:
                    problems.Add($"{post.Id} ({(unsure ? "unsure" : "plain")}) ended {post.State}: {post.LastError}");
                    break;
            }
        }

        var known = posts.Select(p => p.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(server.Created.Keys.Where(k => !known.Contains(k)).Select(k => $"the platform has {k}, which no post owns"));
        problems.AddRange(server.RepeatedPublishes.Distinct().Select(k => $"{k} was sent again after the platform had created it (a blind retry)"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }

    public static string Summary(IReadOnlyList<Post> posts, FakePlatformServer server, int kills, int leftPublishing)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{kills} kills, {leftPublishing} posts found Publishing right after a kill; ");
        text.Append(CultureInfo.InvariantCulture, $"{server.PublishRequests} publish requests, {server.FaultsInjected} faults injected; ");
        text.Append(string.Join(", ", posts.GroupBy(p => p.State).Select(g => $"{g.Count()} {g.Key}")));
        text.Append(CultureInfo.InvariantCulture, $"; {posts.Sum(p => p.Attempts)} attempts");
        return text.ToString();
    }
}
