using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Audience;

public sealed class AudienceTests
{
    private const string Busy = """{ "seed": 11, "audience": { "followsPerHour": 3, "mentionsPerHour": 2, "messagesPerHour": 1 } }""";

    [Fact]
    public async Task Events_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        var first = await EventsAsync(Busy);
        var second = await EventsAsync(Busy);
        var other = await EventsAsync(Busy.Replace("11", "12", StringComparison.Ordinal));

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(e => e.Id), other.Select(e => e.Id));
        Assert.Contains(first, e => e.Kind == AudienceEventKind.Follow);
        Assert.Contains(first, e => e.Kind == AudienceEventKind.Mention && e.Text!.Contains("@acme_shop", StringComparison.Ordinal));
        Assert.Contains(first, e => e.Kind == AudienceEventKind.DirectMessage && e.Text is not null);
    }

    [Fact]
    public async Task Events_come_oldest_first_within_the_asked_window_and_keep_their_ids_later()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock, Busy);
        var since = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(6));
        var early = await platform.GetEventsAsync("acme", since, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromHours(6));
        var later = await platform.GetEventsAsync("acme", since, TestContext.Current.CancellationToken);
        var onlyNew = await platform.GetEventsAsync("acme", since.AddHours(6), TestContext.Current.CancellationToken);

        Assert.NotEmpty(early);
        Assert.Equal(early.OrderBy(e => e.OccurredAt), early);
        Assert.All(later, e => Assert.InRange(e.OccurredAt, since.AddTicks(1), clock.GetUtcNow()));
        Assert.Equal(later.Count, later.Select(e => e.Id).Distinct().Count());
        Assert.Equal(early, later.Take(early.Count));
        Assert.Equal(later.Skip(early.Count), onlyNew);
    }

    [Fact]
    public async Task Every_event_author_has_a_public_profile_and_strangers_have_none()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), Busy);
        var events = await platform.GetEventsAsync("acme", TestNetwork.Start.AddDays(-1), TestContext.Current.CancellationToken);

        foreach (var handle in events.Select(e => e.Handle).Distinct())
        {
            var profile = await platform.GetProfileAsync("acme", handle, TestContext.Current.CancellationToken);
            Assert.NotNull(profile);
            Assert.Equal(handle, profile.Handle);
            Assert.False(string.IsNullOrWhiteSpace(profile.Bio));
            Assert.False(string.IsNullOrWhiteSpace(profile.DisplayName));
            Assert.NotEmpty(profile.RecentPosts);
        }

        Assert.Null(await platform.GetProfileAsync("acme", "nobody_here", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Replies_counted_on_a_post_appear_as_reply_events()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(
            clock,
            """{ "audience": { "followsPerHour": 0, "mentionsPerHour": 0, "messagesPerHour": 0 }, "defaultRates": { "replyRate": 0.01 } }""",
            ("acme", 20_000));
        var post = await TestNetwork.PublishAsync(platform, "acme", "Ask me anything");
        clock.Advance(TimeSpan.FromHours(12));

        var replies = (await TestNetwork.MetricsAsync(platform, "acme", post.Id)).Counters[MetricNames.Replies];
        var events = await platform.GetEventsAsync("acme", TestNetwork.Start, TestContext.Current.CancellationToken);

        Assert.True(replies > 0);
        Assert.Equal(replies, events.Count);
        Assert.All(events, e => Assert.Equal(AudienceEventKind.Reply, e.Kind));
        Assert.All(events, e => Assert.InRange(e.OccurredAt, post.PublishedAt, clock.GetUtcNow()));
    }

    private static async Task<IReadOnlyList<AudienceEvent>> EventsAsync(string settings)
    {
        var clock = TestNetwork.Clock();
        var account = new PluginAccount("acme", "UTC", TestNetwork.Config("""{ "handle": "@acme_shop" }"""));
        var registrar = new TestRegistrar(TestNetwork.Config(settings), [account], clock);
        new SandboxEntryPoint().Register(registrar);
        var source = (IAudienceSource)registrar.Platforms[0];
        clock.Advance(TimeSpan.FromHours(24));
        return await source.GetEventsAsync("acme", TestNetwork.Start, TestContext.Current.CancellationToken);
    }
}
