using System.Buffers;
using MarketingOps.Scripting.Protocol;
using MessagePack;

namespace MarketingOps.Scripting.Tests.Protocol;

/// <summary>The compact formats of posts and snapshots on the worker channel: every value survives, and a malformed one from a worker is refused.</summary>
public sealed class ChannelFormatterTests
{
    private static readonly MessagePackSerializerOptions Host = WorkerChannel.Options(untrusted: true);
    private static readonly MessagePackSerializerOptions Worker = WorkerChannel.Options(untrusted: false);

    private static byte[] Serialize<T>(T value, MessagePackSerializerOptions options) => MessagePackSerializer.Serialize(value, options, TestContext.Current.CancellationToken);

    private static T Deserialize<T>(byte[] bytes, MessagePackSerializerOptions options) => MessagePackSerializer.Deserialize<T>(bytes, options, TestContext.Current.CancellationToken);

    [Fact]
    public void A_post_crosses_with_every_value()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));
        var post = new ScriptPost("p1", "brand", "Hello 👋🏽 world\n", at, ScriptPostState.Published)
        {
            Experiment = "cta",
            Variant = "B",
            Url = new Uri("https://example.social/@brand/1"),
            PublishedAt = at.AddMinutes(1),
        };
        var draft = new ScriptPost("p2", "brand", "", null, ScriptPostState.Draft);

        var back = Deserialize<List<ScriptPost>>(Serialize(new List<ScriptPost> { post, draft }, Host), Worker);

        Assert.Equal([post, draft], back);
        Assert.Equal(at.Offset, back[0].At!.Value.Offset);
    }

    [Fact]
    public void A_snapshot_crosses_with_its_counters_only_and_reads_them_back()
    {
        var snapshot = new MetricSnapshot("p1", DateTimeOffset.UnixEpoch.AddDays(3), new Dictionary<string, long> { [Counter.Impressions] = 1_000, [Counter.LinkClicks] = 17, ["custom"] = -1 });
        var none = MetricSnapshot.None("p2");

        var bytes = Serialize(new Dictionary<string, MetricSnapshot> { ["p1"] = snapshot, ["p2"] = none }, Host);
        var back = Deserialize<Dictionary<string, MetricSnapshot>>(bytes, Worker);

        Assert.Equal(snapshot.Counters, back["p1"].Counters);
        Assert.Equal((snapshot.PostId, snapshot.At, 1_000L, 17L, -1L), (back["p1"].PostId, back["p1"].At, back["p1"].Impressions, back["p1"].LinkClicks, back["p1"].Get("custom")));
        Assert.Empty(back["p2"].Counters);
        Assert.Null(back["p2"].At);
        Assert.Same(Counter.Impressions, back["p1"].Counters.Keys.First(k => k == Counter.Impressions));

        // Only the counters cross, not the figures derived from them.
        Assert.True(bytes.AsSpan().IndexOf("EngagementRate"u8) < 0, "a derived figure was sent");
    }

    [Fact]
    public void A_snapshots_counters_read_as_a_dictionary_that_refuses_changes_few_or_many()
    {
        var many = Enumerable.Range(0, 40).ToDictionary(i => "counter-" + i, i => (long)i);
        var few = Deserialize<MetricSnapshot>(Serialize(new MetricSnapshot("p1", null, new Dictionary<string, long> { [Counter.Impressions] = 5, [Counter.Likes] = 2 }), Host), Worker);
        var lots = Deserialize<MetricSnapshot>(Serialize(new MetricSnapshot("p2", null, many), Host), Worker);

        // A name given twice (no dictionary sends that; a hand-made map can) keeps its last value, as a dictionary would.
        var writer = new ArrayBufferWriter<byte>();
        var raw = new MessagePackWriter(writer);
        raw.WriteArrayHeader(3);
        raw.Write("p4");
        raw.WriteNil();
        raw.WriteMapHeader(2);
        raw.Write(Counter.Likes);
        raw.Write(1L);
        raw.Write(Counter.Likes);
        raw.Write(3L);
        raw.Flush();
        var repeated = Deserialize<MetricSnapshot>(writer.WrittenMemory.ToArray(), Worker);

        Assert.Equal((5L, 2L, (long?)null), (few.Counters[Counter.Impressions], few.Likes, few.LinkClicks));
        Assert.Equal(many.OrderBy(c => c.Key), lots.Counters.OrderBy(c => c.Key));
        Assert.True(lots.Counters.TryGetValue("counter-39", out var last) && last == 39 && !lots.Counters.ContainsKey("counter-40"));
        Assert.Equal((1, 3L), (repeated.Counters.Count, repeated.Counters[Counter.Likes]));
        Assert.Throws<KeyNotFoundException>(() => few.Counters["nope"]);
        var asDictionary = Assert.IsAssignableFrom<IDictionary<string, long>>(few.Counters);
        Assert.Throws<NotSupportedException>(() => asDictionary[Counter.Impressions] = 0);
        Assert.Throws<NotSupportedException>(() => asDictionary.Add("new", 1));
        Assert.Throws<NotSupportedException>(() => asDictionary.Keys.Clear());
        Assert.Equal(5L, few.Impressions);
    }

    [Fact]
    public void A_malformed_post_or_snapshot_is_refused()
    {
        var shortPost = Serialize(new object[] { "p1", "brand" }, Host);
        var badState = Serialize(new object?[] { "p1", "brand", "t", null, 99, null, null, null, null }, Host);
        var missingText = Serialize(new object?[] { "p1", "brand", null, null, 0, null, null, null, null }, Host);
        var shortSnapshot = Serialize(new object[] { "p1" }, Host);

        Assert.Contains("array of 9", Assert.Throws<MessagePackSerializationException>(() => Deserialize<ScriptPost>(shortPost, Host)).ToString(), StringComparison.Ordinal);
        Assert.Contains("state", Assert.Throws<MessagePackSerializationException>(() => Deserialize<ScriptPost>(badState, Host)).ToString(), StringComparison.Ordinal);
        Assert.Contains("text is missing", Assert.Throws<MessagePackSerializationException>(() => Deserialize<ScriptPost>(missingText, Host)).ToString(), StringComparison.Ordinal);
        Assert.Contains("array of 3", Assert.Throws<MessagePackSerializationException>(() => Deserialize<MetricSnapshot>(shortSnapshot, Host)).ToString(), StringComparison.Ordinal);
    }
}
