using MarketingOps.Plugins.Sandbox.Tests.Doubles;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Tests.Network;

public sealed class FaultTests
{
    [Fact]
    public async Task An_injected_transient_failure_creates_nothing()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), """{ "faults": { "transientRate": 1 } }""");

        var result = await platform.PublishAsync(TestNetwork.Request("acme", "Hello", "k1"), TestContext.Current.CancellationToken);
        var lookup = await platform.LookupAsync(TestNetwork.Request("acme", "Hello", "k1"), TestContext.Current.CancellationToken);

        Assert.Equal(PlatformErrorKind.Transient, result.Error?.Kind);
        Assert.Equal(LookupStatus.NotFound, lookup.Status);
    }

    [Fact]
    public async Task An_injected_rate_limit_says_when_to_come_back()
    {
        var platform = TestNetwork.Create(TestNetwork.Clock(), """{ "faults": { "rateLimitRate": 1, "retryAfterSeconds": 90 } }""");

        var result = await platform.PublishAsync(TestNetwork.Request("acme", "Hello"), TestContext.Current.CancellationToken);

        Assert.Equal(PlatformErrorKind.RateLimited, result.Error?.Kind);
        Assert.Equal(TestNetwork.Start.AddSeconds(90), result.Error?.RetryAt);
    }

    [Fact]
    public async Task Injected_timeouts_are_ambiguous_and_a_lookup_settles_each_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sandbox-faults-{Guid.NewGuid():N}.jsonl");
        try
        {
            var platform = TestNetwork.Create(TestNetwork.Clock(), $$"""{ "journal": "{{path.Replace("\\", "\\\\", StringComparison.Ordinal)}}", "faults": { "ambiguousRate": 1 } }""");
            var found = 0;
            for (var i = 0; i < 40; i++)
            {
                var request = TestNetwork.Request("acme", $"Post {i}", $"k{i}");
                var result = await platform.PublishAsync(request, TestContext.Current.CancellationToken);
                Assert.Equal(PlatformErrorKind.Ambiguous, result.Error?.Kind);
                if ((await platform.LookupAsync(request, TestContext.Current.CancellationToken)).Status == LookupStatus.Found)
                {
                    found++;
                }
            }

            // Each timeout either reached the network or not; the journal holds exactly those that did.
            Assert.InRange(found, 5, 35);
            Assert.Equal(found, File.ReadAllLines(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Faults_are_the_same_for_the_same_seed_and_attempt()
    {
        static async Task<List<PlatformErrorKind?>> OutcomesAsync(string settings)
        {
            var platform = TestNetwork.Create(TestNetwork.Clock(), settings);
            var outcomes = new List<PlatformErrorKind?>();
            for (var i = 0; i < 30; i++)
            {
                outcomes.Add((await platform.PublishAsync(TestNetwork.Request("acme", $"Post {i}", $"k{i}"), TestContext.Current.CancellationToken)).Error?.Kind);
            }

            return outcomes;
        }

        var first = await OutcomesAsync("""{ "seed": 5, "faults": { "transientRate": 0.5 } }""");
        var second = await OutcomesAsync("""{ "seed": 5, "faults": { "transientRate": 0.5 } }""");

        Assert.Equal(first, second);
        Assert.Contains(PlatformErrorKind.Transient, first);
        Assert.Contains(null, first);
    }

    [Fact]
    public async Task Injected_metric_gaps_mark_posts_unavailable()
    {
        var clock = TestNetwork.Clock();
        var platform = TestNetwork.Create(clock, """{ "faults": { "unavailableRate": 1 } }""");
        var post = await TestNetwork.PublishAsync(platform, "acme", "Hello");

        Assert.Equal(MetricsStatus.Unavailable, (await TestNetwork.MetricsAsync(platform, "acme", post.Id)).Status);
    }
}
