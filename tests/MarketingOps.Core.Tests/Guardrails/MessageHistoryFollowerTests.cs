using MarketingOps.Core.Guardrails;
using MarketingOps.Sdk;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Core.Tests.Guardrails;

/// <summary>The high-water mark over the change feed, including positions that commit out of order (PostgreSQL).</summary>
public sealed class MessageHistoryFollowerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_changes_after_the_mark_read_at_start_are_returned_once()
    {
        var feed = new ListFeed();
        feed.Add(1);
        feed.Add(2);
        var follower = new MessageHistoryFollower(feed, new FakeTimeProvider(Start));
        await follower.StartAsync(Ct);
        feed.Add(3);

        Assert.Equal([3L], (await follower.PollAsync(Ct)).Select(c => c.Position));
        Assert.Empty(await follower.PollAsync(Ct));
        Assert.Equal(3L, follower.Mark);
    }

    [Fact]
    public async Task A_position_that_commits_late_is_still_read_and_a_gap_that_never_fills_expires()
    {
        var feed = new ListFeed();
        var time = new FakeTimeProvider(Start);
        var follower = new MessageHistoryFollower(feed, time);
        await follower.StartAsync(Ct);
        feed.Add(1);
        feed.Add(4);

        Assert.Equal([1L, 4L], (await follower.PollAsync(Ct)).Select(c => c.Position));
        Assert.Equal(2, follower.Gaps);

        feed.Add(3);
        Assert.Equal([3L], (await follower.PollAsync(Ct)).Select(c => c.Position));
        Assert.Equal(1, follower.Gaps);

        time.Advance(MessageHistoryFollower.GapTimeout + TimeSpan.FromSeconds(1));
        Assert.Empty(await follower.PollAsync(Ct));
        Assert.Equal(0, follower.Gaps);
    }

    private sealed class ListFeed : IMessageHistoryFeed
    {
        private readonly List<MessageHistoryChange> _changes = [];

        public void Add(long position) =>
            _changes.Add(new MessageHistoryChange(position, "m" + position, new OutgoingMessage("m" + position, "acme", new PostDraft("hello " + position), Start, MessageOrigin.Hand)));

        public Task<long> GetPositionAsync(CancellationToken cancellationToken) => Task.FromResult(_changes.Count == 0 ? 0 : _changes.Max(c => c.Position));

        public Task<IReadOnlyList<MessageHistoryChange>> ReadChangesAsync(long after, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MessageHistoryChange>>([.. _changes.Where(c => c.Position > after).OrderBy(c => c.Position).Take(limit)]);
    }
}
