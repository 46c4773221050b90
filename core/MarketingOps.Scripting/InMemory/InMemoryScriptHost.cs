using MarketingOps.Scripting.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Scripting.InMemory;

/// <summary>Posts, metrics and experiments in memory, wired together as <see cref="ScriptServices"/>, with a small simulated audience.</summary>
internal sealed class InMemoryScriptHost
{
    public InMemoryScriptHost(IReadOnlyList<ScriptAccount> accounts, TimeProvider clock, TextWriter? output = null, ILogger? log = null)
    {
        Clock = clock;
        Posts = new InMemoryScriptPosts(accounts, clock);
        Metrics = new InMemoryScriptMetrics();
        Experiments = new InMemoryScriptExperiments(Posts, Metrics, clock);
        Services = new ScriptServices(accounts, Posts, Metrics, Experiments)
        {
            Clock = clock,
            Output = output ?? TextWriter.Null,
            Log = log ?? NullLogger.Instance,
        };
    }

    /// <summary>Accounts for examples and tests: one per platform, in different zones.</summary>
    public static IReadOnlyList<ScriptAccount> SampleAccounts { get; } =
    [
        new("brand", "sandbox", "Europe/Berlin"),
        new("brand-mastodon", "mastodon", "Europe/Berlin"),
        new("brand-bluesky", "bluesky", "America/New_York"),
    ];

    public TimeProvider Clock { get; }

    public InMemoryScriptPosts Posts { get; }

    public InMemoryScriptMetrics Metrics { get; }

    public InMemoryScriptExperiments Experiments { get; }

    public ScriptServices Services { get; }

    /// <summary>
    /// Publishes what is due and gives each published post counters from a seeded audience: about 1,000 impressions and a
    /// click rate of <paramref name="clickRate"/>(text), so tests can make one wording truly better.
    /// </summary>
    public void PublishAndMeasure(Func<string, double> clickRate, int seed = 7)
    {
        var now = Clock.GetUtcNow();
        Posts.PublishDue(now);
        var random = new Random(seed);
        foreach (var post in Posts.List(new ScriptPostQuery { State = ScriptPostState.Published }, CancellationToken.None))
        {
            var impressions = 800 + random.Next(400);
            var rate = clickRate(post.Text);
            var clicks = (long)Math.Round(impressions * rate * (0.9 + (random.NextDouble() * 0.2)));
            Metrics.Record(post.Id, now, new Dictionary<string, long>
            {
                [Counter.Impressions] = impressions,
                [Counter.LinkClicks] = clicks,
                [Counter.Likes] = clicks / 2,
                [Counter.Reposts] = clicks / 5,
                [Counter.Replies] = clicks / 10,
            });
        }
    }
}
