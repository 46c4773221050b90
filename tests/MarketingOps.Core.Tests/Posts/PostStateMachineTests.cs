using MarketingOps.Core.Posts;
using MarketingOps.Core.Tests.TestDoubles;

namespace MarketingOps.Core.Tests.Posts;

public sealed class PostStateMachineTests
{
    // The specification, written out independently of the implementation's table.
    private static readonly HashSet<(PostState From, PostState To)> Legal =
    [
        (PostState.Draft, PostState.PendingApproval), (PostState.Draft, PostState.Scheduled), (PostState.Draft, PostState.Cancelled),
        (PostState.PendingApproval, PostState.Draft), (PostState.PendingApproval, PostState.Scheduled), (PostState.PendingApproval, PostState.Cancelled),
        (PostState.Scheduled, PostState.Scheduled), (PostState.Scheduled, PostState.Publishing), (PostState.Scheduled, PostState.Failed),
        (PostState.Scheduled, PostState.Missed), (PostState.Scheduled, PostState.Cancelled), (PostState.Scheduled, PostState.PendingApproval),
        (PostState.Publishing, PostState.Published), (PostState.Publishing, PostState.Failed), (PostState.Publishing, PostState.Unconfirmed),
        (PostState.Publishing, PostState.Scheduled),
        (PostState.Failed, PostState.Scheduled), (PostState.Failed, PostState.Cancelled),
        (PostState.Failed, PostState.Published), (PostState.Failed, PostState.Unconfirmed),
        (PostState.Unconfirmed, PostState.Published), (PostState.Unconfirmed, PostState.Failed),
    ];

    public static TheoryData<PostState, PostState> AllPairs()
    {
        var data = new TheoryData<PostState, PostState>();
        foreach (var from in Enum.GetValues<PostState>())
        {
            foreach (var to in Enum.GetValues<PostState>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsLegal_matches_the_specification_for_every_pair(PostState from, PostState to)
    {
        Assert.Equal(Legal.Contains((from, to)), PostStateMachine.IsLegal(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public async Task The_store_applies_legal_transitions_and_refuses_illegal_ones(PostState from, PostState to)
    {
        using var fixture = new PublishingFixture();
        var post = await fixture.ScheduleAsync(TimeSpan.FromHours(1));
        post = await ForceStateAsync(fixture, post, from);

        if (Legal.Contains((from, to)))
        {
            var stored = await fixture.Store.TryTransitionAsync(post, post with { State = to }, "test", CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(to, (await fixture.GetAsync(post.Id)).State);
            var history = await fixture.Store.GetHistoryAsync(post.Id, CancellationToken.None);
            Assert.Equal((from, to), (history[^1].From!.Value, history[^1].To));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.Store.TryTransitionAsync(post, post with { State = to }, "test", CancellationToken.None));
            Assert.Contains(from.ToString(), ex.Message, StringComparison.Ordinal);
            Assert.Equal(from, (await fixture.GetAsync(post.Id)).State);
        }
    }

    [Fact]
    public async Task A_new_post_cannot_start_published()
    {
        using var fixture = new PublishingFixture();
        var post = new Post("x1", "acme", "hi", PublishingFixture.Start, PostState.Published, "k");
        await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.Store.InsertAsync(post, "test", CancellationToken.None));
    }

    /// <summary>Walks a scheduled post to <paramref name="target"/> along legal moves.</summary>
    private static async Task<Post> ForceStateAsync(PublishingFixture fixture, Post post, PostState target)
    {
        PostState[] path = target switch
        {
            PostState.Scheduled => [],
            PostState.Draft => [PostState.Cancelled],
            PostState.PendingApproval => [],
            PostState.Publishing => [PostState.Publishing],
            PostState.Published => [PostState.Publishing, PostState.Published],
            PostState.Failed => [PostState.Failed],
            PostState.Unconfirmed => [PostState.Publishing, PostState.Unconfirmed],
            PostState.Cancelled => [PostState.Cancelled],
            PostState.Missed => [PostState.Missed],
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };

        if (target is PostState.Draft or PostState.PendingApproval)
        {
            // Only creation reaches these; insert a fresh post in that state.
            var fresh = post with { Id = Guid.NewGuid().ToString("N"), State = target };
            return await fixture.Store.InsertAsync(fresh, "test", CancellationToken.None);
        }

        foreach (var state in path)
        {
            post = await fixture.Store.TryTransitionAsync(post, post with { State = state }, "setup", CancellationToken.None) ?? throw new InvalidOperationException();
        }

        return post;
    }
}
