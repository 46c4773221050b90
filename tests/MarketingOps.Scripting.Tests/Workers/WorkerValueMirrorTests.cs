using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// The host's record of what a worker holds: only values new or changed cross, anything out of step starts afresh,
/// its size stays bounded, and slots a worker names are read against the host's own record only.
/// </summary>
public sealed class WorkerValueMirrorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Posts_the_worker_holds_as_they_are_cross_as_slots_only()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);
        var posts = Posts(100);
        var first = mirror.Posts(posts, applied: 0);

        var again = mirror.Posts([.. posts.Select(p => p with { })], first.Sequence); // equal copies, as a database would give
        var changed = mirror.Posts([.. posts.Take(99), posts[99] with { Text = "edited" }], again.Sequence);
        var reordered = mirror.Posts([posts[50], posts[0]], changed.Sequence);

        Assert.Equal((false, 100), (first.Reset, first.Updated.Length));
        Assert.Equal([0, 100], first.Answer!);
        Assert.Equal((false, 0), (again.Reset, again.Updated.Length));
        Assert.Equal([0, 100], again.Answer!);
        Assert.Equal([99], changed.UpdatedSlots);
        Assert.Equal("edited", changed.Updated.Single().Text);
        Assert.Empty(reordered.Updated);
        Assert.Equal([50, 1, 0, 1], reordered.Answer!);
    }

    [Fact]
    public void A_change_record_equality_misses_still_crosses()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);
        var post = new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published) { Url = new Uri("https://example.social/1#a") };
        var first = mirror.Posts([post], applied: 0);

        var offset = mirror.Posts([post with { At = Noon.ToOffset(TimeSpan.FromHours(2)) }], first.Sequence);
        var fragment = mirror.Posts([post with { At = Noon.ToOffset(TimeSpan.FromHours(2)), Url = new Uri("https://example.social/1#b") }], offset.Sequence);
        var snapshot = mirror.Snapshots(["p1"], Latest(("p1", 10)), fragment.Sequence);
        var counter = mirror.Snapshots(["p1"], Latest(("p1", 11)), snapshot.Sequence);

        Assert.Single(offset.Updated);
        Assert.Single(fragment.Updated);
        Assert.Single(snapshot.Updated);
        Assert.Equal(11, counter.Updated.Single().Impressions);
    }

    [Fact]
    public void Snapshots_a_store_answers_out_of_order_or_not_at_all_go_to_the_posts_they_belong_to()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);

        // The store's entries run backwards, p1 has none, p0 is asked twice.
        var reply = mirror.Snapshots(["p0", "p1", "p2", "p3", "p0"], Latest(("p3", 30), ("p2", 20), ("p0", 0)), applied: 0);

        var held = reply.UpdatedSlots.Zip(reply.Updated).ToDictionary(u => u.First, u => u.Second);
        var answer = SlotRuns.Decode(reply.Answer, held.Count)!.Select(slot => slot == -1 ? null : held[slot]).ToList();
        Assert.Equal(["p0", null, "p2", "p3", "p0"], answer.Select(s => s?.PostId));
        Assert.Equal([0L, null, 20L, 30L, 0L], answer.Select(s => s?.Impressions));
    }

    [Fact]
    public void A_worker_that_did_not_apply_the_last_reply_is_sent_everything_afresh()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);
        var posts = Posts(10);
        var first = mirror.Posts(posts, applied: 0);
        _ = mirror.Posts(posts, first.Sequence); // the worker gave up on this one

        var next = mirror.Posts(posts, first.Sequence);

        Assert.True(next.Reset);
        Assert.Equal(10, next.Updated.Length);
    }

    [Fact]
    public void Past_its_capacity_the_record_starts_afresh_and_stays_bounded()
    {
        var mirror = new WorkerValueMirror(capacity: 150);
        var reply = mirror.Posts(Posts(100), applied: 0);
        var largest = 0;
        for (var round = 1; round <= 5; round++)
        {
            reply = mirror.Posts(Posts(100, $"r{round}-"), reply.Sequence);
            largest = Math.Max(largest, mirror.Count);
        }

        var last = mirror.Posts(Posts(100, "last-"), reply.Sequence);

        Assert.True(last.Reset);
        Assert.Equal(100, mirror.Count);
        Assert.True(largest <= 150 + 100, $"the record held {largest} values");
    }

    [Fact]
    public void Posts_a_worker_names_by_slot_are_read_from_the_host_record_and_nothing_else()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);
        var reply = mirror.Posts(Posts(10), applied: 0);

        Assert.Equal(["p3", "p4", "p0"], mirror.PostIds([3, 2, 0, 1], reply.Sequence)!);
        Assert.Null(mirror.PostIds([3, 8], reply.Sequence)); // past the posts it was sent
        Assert.Null(mirror.PostIds([-1, 2], reply.Sequence)); // "no post" is not a post
        Assert.Null(mirror.PostIds([0, 1], reply.Sequence - 1)); // its table is not the one the host knows
        Assert.Null(mirror.Unresolved().Answer);
        Assert.Equal(reply.Sequence, mirror.Unresolved().Sequence);
    }

    [Fact]
    public void Snapshots_come_in_the_order_asked_with_none_where_a_post_has_none()
    {
        var mirror = new WorkerValueMirror(capacity: 1_000);

        var reply = mirror.Snapshots(["a", "b", "c", "a"], Latest(("a", 1), ("c", 3)), applied: 0);

        Assert.Equal([0, 1, -1, 1, 1, 1, 0, 1], reply.Answer!);
        Assert.Equal([0, 1], reply.UpdatedSlots);
    }

    private static List<ScriptPost> Posts(int count, string prefix = "p")
        => [.. Enumerable.Range(0, count).Select(i => new ScriptPost(prefix + i, "brand", "text " + i, Noon.AddMinutes(i), ScriptPostState.Published))];

    private static Dictionary<string, MetricSnapshot> Latest(params (string Id, long Impressions)[] snapshots)
        => snapshots.ToDictionary(s => s.Id, s => new MetricSnapshot(s.Id, Noon, new Dictionary<string, long> { [Counter.Impressions] = s.Impressions }));
}
