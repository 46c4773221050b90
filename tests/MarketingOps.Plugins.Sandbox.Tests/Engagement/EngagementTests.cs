using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Engagement;

public sealed class EngagementTests
{
    private static readonly string[] Counters = [MetricNames.Impressions, MetricNames.Likes, MetricNames.Reposts, MetricNames.Replies, MetricNames.LinkClicks];

    [Fact]
    public async Task Same_seed_gives_the_same_posts_and_counters()
    {
        var first = await RunAsync("""{ "seed": 7 }""");
        var second = await RunAsync("""{ "seed": 7 }""");
        var other = await RunAsync("""{ "seed": 8 }""");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Counters_grow_with_time_never_decrease_and_saturate_in_the_first_hours()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock, "{}", ("acme", 20_000));
        var post = await TestNetwork.PublishAsync(platform, "acme", "Spring sale starts today");
        var previous = new Dictionary<string, long>();
        var history = new List<IReadOnlyDictionary<string, long>>();
        for (var step = 0; step <= 48 * 4; step++)
        {
            var metrics = await TestNetwork.MetricsAsync(platform, "acme", post.Id);
            Assert.Equal(MetricsStatus.Available, metrics.Status);
            foreach (var name in Counters)
            {
                Assert.True(metrics.Counters[name] >= previous.GetValueOrDefault(name), $"{name} went down at step {step}");
            }

            previous = new Dictionary<string, long>(metrics.Counters);
            history.Add(metrics.Counters);
            clock.Advance(TimeSpan.FromMinutes(15));
        }

        long ImpressionsAfter(double hours) => history[(int)(hours * 4)][MetricNames.Impressions];
        Assert.Equal(0, ImpressionsAfter(0));
        Assert.True(ImpressionsAfter(1) > 0);
        Assert.True(ImpressionsAfter(1) < ImpressionsAfter(6));
        Assert.True(ImpressionsAfter(6) >= 0.8 * ImpressionsAfter(48), "most impressions arrive in the first hours");
        Assert.InRange(ImpressionsAfter(48), 20_000 * 0.3 * 0.4, 20_000 * 0.3 * 2.5);
        Assert.True(history[^1][MetricNames.Likes] > 0);
        Assert.False(history[^1].ContainsKey(MetricNames.Quotes), "counters the sandbox does not simulate are absent, not zero");
    }

    [Fact]
    public async Task Counters_do_not_depend_on_how_often_they_were_polled()
    {
        var pollingClock = TestNetwork.Clock();
        var polled = TestNetwork.Create(pollingClock, "{}", ("acme", 50_000));
        var post = await TestNetwork.PublishAsync(polled, "acme", "Hello");
        for (var i = 0; i < 30; i++)
        {
            pollingClock.Advance(TimeSpan.FromHours(1));
            await TestNetwork.MetricsAsync(polled, "acme", post.Id);
        }

        var directClock = TestNetwork.Clock();
        var direct = TestNetwork.Create(directClock, "{}", ("acme", 50_000));
        Assert.Equal(post.Id, (await TestNetwork.PublishAsync(direct, "acme", "Hello")).Id);
        directClock.Advance(TimeSpan.FromHours(30));

        Assert.Equal(
            (await TestNetwork.MetricsAsync(polled, "acme", post.Id)).Counters,
            (await TestNetwork.MetricsAsync(direct, "acme", post.Id)).Counters);
    }

    [Fact]
    public async Task Time_scale_multiplies_elapsed_time()
    {
        var slowClock = TestNetwork.Clock();
        var slow = TestNetwork.Create(slowClock, "{}", ("acme", 10_000));
        var fastClock = TestNetwork.Clock();
        var fast = TestNetwork.Create(fastClock, """{ "timeScale": 60 }""", ("acme", 10_000));
        var post = await TestNetwork.PublishAsync(slow, "acme", "Same post");
        await TestNetwork.PublishAsync(fast, "acme", "Same post");

        slowClock.Advance(TimeSpan.FromHours(3));
        fastClock.Advance(TimeSpan.FromMinutes(3));

        var slowCounters = (await TestNetwork.MetricsAsync(slow, "acme", post.Id)).Counters;
        Assert.True(slowCounters[MetricNames.Impressions] > 0);
        Assert.Equal(slowCounters, (await TestNetwork.MetricsAsync(fast, "acme", post.Id)).Counters);
    }

    [Fact]
    public async Task Realised_rates_converge_to_the_true_rates_and_variants_are_distinguishable()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(
            clock,
            """
            {
              "seed": 3,
              "enforceRateBudgets": false,
              "defaultRates": { "clickRate": 0.01, "likeRate": 0.02 },
              "rates": [ { "contains": "free shipping", "clickRate": 0.04 } ]
            }
            """,
            ("acme", 10_000));
        var control = new List<string>();
        var variant = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            control.Add((await TestNetwork.PublishAsync(platform, "acme", $"Post {i}: new arrivals")).Id);
            variant.Add((await TestNetwork.PublishAsync(platform, "acme", $"Post {i}: new arrivals, FREE SHIPPING")).Id);
        }

        clock.Advance(TimeSpan.FromDays(3));
        var (controlImpressions, controlClicks, controlLikes) = await TotalsAsync(platform, control);
        var (variantImpressions, variantClicks, variantLikes) = await TotalsAsync(platform, variant);

        // About 600,000 impressions per arm: the standard error of a 4 % rate is 0.00025, of 1 % 0.00013.
        Assert.True(controlImpressions > 400_000);
        Assert.InRange((double)controlClicks / controlImpressions, 0.0095, 0.0105);
        Assert.InRange((double)variantClicks / variantImpressions, 0.0388, 0.0412);
        Assert.InRange((double)controlLikes / controlImpressions, 0.0192, 0.0208);
        Assert.InRange((double)variantLikes / variantImpressions, 0.0192, 0.0208);
    }

    [Fact]
    public async Task A_rule_can_match_the_drafts_variant_option()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock, """{ "rates": [ { "variant": "B", "clickRate": 0.2 } ] }""", ("acme", 100_000));
        var draft = new PostDraft("Same words") { Options = new Dictionary<string, string> { ["variant"] = "B" } };
        var result = await platform.PublishAsync(new PublishRequest("acme", draft, "k1", 1, clock.GetUtcNow()), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromDays(2));

        var counters = (await TestNetwork.MetricsAsync(platform, "acme", result.Post!.Id)).Counters;
        Assert.InRange((double)counters[MetricNames.LinkClicks] / counters[MetricNames.Impressions], 0.18, 0.22);
    }

    private static async Task<List<IReadOnlyDictionary<string, long>>> RunAsync(string settings)
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock, settings, ("acme", 5_000), ("zeta", 800));
        var ids = new List<string>();
        foreach (var (account, text) in new[] { ("acme", "One"), ("zeta", "Two"), ("acme", "Three") })
        {
            ids.Add((await TestNetwork.PublishAsync(platform, account, text)).Id);
            clock.Advance(TimeSpan.FromMinutes(20));
        }

        clock.Advance(TimeSpan.FromHours(5));
        var snapshot = new List<IReadOnlyDictionary<string, long>>();
        foreach (var (account, id) in new[] { ("acme", ids[0]), ("zeta", ids[1]), ("acme", ids[2]) })
        {
            var counters = new SortedDictionary<string, long>((await TestNetwork.MetricsAsync(platform, account, id)).Counters.ToDictionary()) { ["id:" + id] = 0 };
            snapshot.Add(counters);
        }

        return snapshot;
    }

    private static async Task<(long Impressions, long Clicks, long Likes)> TotalsAsync(IPlatform platform, List<string> ids)
    {
        long impressions = 0, clicks = 0, likes = 0;
        foreach (var batch in ids.Chunk(platform.Descriptor.Limits.MetricsBatchSize))
        {
            foreach (var metrics in await platform.GetMetricsAsync("acme", batch, TestContext.Current.CancellationToken))
            {
                impressions += metrics.Counters[MetricNames.Impressions];
                clicks += metrics.Counters[MetricNames.LinkClicks];
                likes += metrics.Counters[MetricNames.Likes];
            }
        }

        return (impressions, clicks, likes);
    }
}
