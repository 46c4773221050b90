using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Publishing;

/// <summary>Issue 12: a platform answer without a usable id is an error, not a success.</summary>
public sealed class PublishedIdTests
{
    private static Func<PublishRequest, CancellationToken, Task<PublishResult>> Answer(string id) =>
        (request, _) => Task.FromResult(PublishResult.Published(new PublishedPost(id, new Uri("https://fake.example/acme/" + id), request.FirstAttemptAt)));

    [Fact]
    public async Task The_same_id_for_three_different_posts_publishes_only_the_first()
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenPublish(Answer("1")).ThenPublish(Answer("1")).ThenPublish(Answer("1"));
        var posts = new List<Post>();
        foreach (var text in new[] { "Bread is out of the oven", "The cafe opens at nine", "New cakes on Friday" })
        {
            posts.Add(await fixture.ScheduleAsync(TimeSpan.FromMinutes(10 + posts.Count), text));
        }

        var results = new List<Post>();
        foreach (var post in posts)
        {
            results.Add((await fixture.FireAsync(post.Id))!);
        }

        Assert.Equal([PostState.Published, PostState.Unconfirmed, PostState.Unconfirmed], results.Select(r => r.State));
        Assert.Equal("1", results[0].PlatformPostId);
        Assert.All(results.Skip(1), r =>
        {
            Assert.Null(r.PlatformPostId);
            Assert.Contains($"'1' is already the id of post {posts[0].Id}", r.LastError, StringComparison.Ordinal);
            Assert.Contains("mops post resolve", r.LastError, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_id_leaves_the_post_unconfirmed(string id)
    {
        using var fixture = new PublishingFixture();
        fixture.Platform.ThenPublish(Answer(id));
        var post = await fixture.ScheduleAsync(TimeSpan.FromMinutes(10), "Bread is out of the oven");

        var result = await fixture.FireAsync(post.Id);

        Assert.Equal(PostState.Unconfirmed, result!.State);
        Assert.Contains("without a usable id: the id is empty", result.LastError, StringComparison.Ordinal);
    }
}
