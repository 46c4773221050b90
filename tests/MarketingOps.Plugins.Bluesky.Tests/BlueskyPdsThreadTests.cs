using System.Text.Json;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky.Tests;

/// <summary>Issue 16 against a real PDS: a thread's parts are published as the host publishes them, and read back.</summary>
public sealed class BlueskyPdsThreadTests(PdsFixture pds) : IClassFixture<PdsFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (string Uri, string Cid) StrongRef(JsonElement reference) =>
        (reference.GetProperty("uri").GetString()!, reference.GetProperty("cid").GetString()!);

    [Fact]
    public async Task A_three_part_thread_reads_back_with_the_first_part_as_root_and_the_part_before_as_parent()
    {
        var url = pds.Require();
        using var platform = BlueskyTestHarness.Create(url, pds.Poster.Handle, pds.Poster.Password);
        var run = Guid.NewGuid().ToString("N")[..8];
        var texts = new[] { $"Three things we learned roasting in winter ({run}) 🧵", "One: the beans rest longer before they taste right.", "Two: the first crack comes later, so we listen for it." };

        // As the engine does: part 1 plainly, each later part once the part before it is out, with its id as parent.
        var published = new List<PublishedPost>();
        for (var i = 0; i < texts.Length; i++)
        {
            var draft = i == 0
                ? new PostDraft(texts[i])
                : new PostDraft(texts[i]) { InReplyTo = published[i - 1].Id, Thread = new ThreadReference(published[i - 1].Id, published[0].Id, i + 1, texts.Length) };
            var result = await platform.PublishAsync(BlueskyTestHarness.Request(draft), Token);
            Assert.True(result.Error is null, result.Error?.Message);
            published.Add(result.Post!);
        }

        var records = new List<JsonElement>();
        foreach (var post in published)
        {
            records.Add((await pds.GetRecordAsync(post.Id))!.Value);
        }

        var refs = records.Select(r => (r.GetProperty("uri").GetString()!, r.GetProperty("cid").GetString()!)).ToList();
        Assert.Equal(texts, records.Select(r => r.GetProperty("value").GetProperty("text").GetString()));
        Assert.False(records[0].GetProperty("value").TryGetProperty("reply", out _));
        for (var i = 1; i < records.Count; i++)
        {
            var reply = records[i].GetProperty("value").GetProperty("reply");
            Assert.Equal(refs[0], StrongRef(reply.GetProperty("root")));
            Assert.Equal(refs[i - 1], StrongRef(reply.GetProperty("parent")));
        }
    }
}
