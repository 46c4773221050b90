using System.Text.Json;
using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Journal;

public sealed class JournalTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sandbox-journal-{Guid.NewGuid():N}");

    private string JournalPath => Path.Combine(_directory, "network.jsonl");

    private string Settings => JsonSerializer.Serialize(new { seed = 4, journal = JournalPath });

    [Fact]
    public async Task A_new_instance_on_the_same_journal_keeps_the_networks_state()
    {
        var clock = TestNetwork.Clock();
        var before = TestNetwork.Create(clock, Settings, ("acme", 5_000));
        var kept = await TestNetwork.PublishAsync(before, "acme", "First", "k1");
        var deleted = await TestNetwork.PublishAsync(before, "acme", "Second", "k2");
        Assert.True((await before.DeleteAsync("acme", deleted.Id, TestContext.Current.CancellationToken)).Succeeded);
        clock.Advance(TimeSpan.FromHours(4));
        var countersBefore = (await TestNetwork.MetricsAsync(before, "acme", kept.Id)).Counters;

        var after = TestNetwork.Create(clock, Settings, ("acme", 5_000));

        var lookup = await after.LookupAsync(TestNetwork.Request("acme", "First", "k1"), TestContext.Current.CancellationToken);
        Assert.Equal(kept, lookup.Post);
        Assert.Equal(countersBefore, (await TestNetwork.MetricsAsync(after, "acme", kept.Id)).Counters);
        Assert.Equal(MetricsStatus.Deleted, (await TestNetwork.MetricsAsync(after, "acme", deleted.Id)).Status);
        Assert.Equal(kept, (await after.PublishAsync(TestNetwork.Request("acme", "First", "k1", attempt: 2), TestContext.Current.CancellationToken)).Post);
        Assert.Equal("duplicate", (await after.PublishAsync(TestNetwork.Request("acme", "First", "k3"), TestContext.Current.CancellationToken)).Error?.Code);
        var third = await TestNetwork.PublishAsync(after, "acme", "Third", "k4");
        Assert.DoesNotContain(third.Id, new[] { kept.Id, deleted.Id });
    }

    [Fact]
    public async Task Every_publish_and_delete_is_one_json_line_written_before_the_call_returns()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), Settings);
        var post = await TestNetwork.PublishAsync(platform, "acme", "Hello 👋", "k1");
        var lines = File.ReadAllLines(JournalPath);
        Assert.Single(lines);

        await platform.DeleteAsync("acme", post.Id, TestContext.Current.CancellationToken);

        lines = File.ReadAllLines(JournalPath);
        Assert.Equal(2, lines.Length);
        using var publish = JsonDocument.Parse(lines[0]);
        Assert.Equal("publish", publish.RootElement.GetProperty("op").GetString());
        Assert.Equal(post.Id, publish.RootElement.GetProperty("postId").GetString());
        Assert.Equal("Hello 👋", publish.RootElement.GetProperty("text").GetString());
        Assert.Equal("k1", publish.RootElement.GetProperty("idempotencyKey").GetString());
        using var delete = JsonDocument.Parse(lines[1]);
        Assert.Equal("delete", delete.RootElement.GetProperty("op").GetString());
    }

    [Fact]
    public async Task A_line_torn_by_a_crash_is_skipped_on_replay()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), Settings);
        var post = await TestNetwork.PublishAsync(platform, "acme", "Survives", "k1");
        await File.AppendAllTextAsync(JournalPath, """{"op":"publish","account":"acme","postId":"to""", TestContext.Current.CancellationToken);

        var restarted = TestNetwork.Create(TestNetwork.Clock(), Settings);

        Assert.Equal(LookupStatus.Found, (await restarted.LookupAsync(TestNetwork.Request("acme", "Survives", "k1"), TestContext.Current.CancellationToken)).Status);
        Assert.Equal(post.Id, (await restarted.LookupAsync(TestNetwork.Request("acme", "Survives", "k1"), TestContext.Current.CancellationToken)).Post?.Id);
        var next = await TestNetwork.PublishAsync(restarted, "acme", "Written after the torn line", "k2");
        var again = TestNetwork.Create(TestNetwork.Clock(), Settings);
        Assert.Equal(next, (await again.LookupAsync(TestNetwork.Request("acme", "Written after the torn line", "k2"), TestContext.Current.CancellationToken)).Post);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
