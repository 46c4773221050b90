using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MarketingOps.Core.Access;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MarketingOps.Host.Tests.Web;

/// <summary>
/// Acceptance: an A/B experiment on the sandbox measured only by the clicks the host counts on its short links. The
/// test is the audience: it reads each published post, follows its short link over HTTP, more often for the variant
/// that should win, while bots and preview fetchers hammer the other variant; the experiment must pick the right one.
/// </summary>
public sealed partial class ShortLinkExperimentTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // People's clicks per published post; the sandbox's own simulated clicks are the same for both (it does not decide).
    private const int FeatureClicks = 4;
    private const int BenefitClicks = 15;

    // Bots and link previews per published post of the control: were they counted, the control would win by far.
    private const int BotHitsPerRound = 12;

    private static readonly string[] Bots =
    [
        "Twitterbot/1.0",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
        "http.rb/5.2.0 (Mastodon/4.3.2; +https://mastodon.social/)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    ];

    private const string Definition = """
        name: clicks-on-short-links
        accounts: [acme]
        variants:
          - name: feature
            rounds:
              - "Our spring release adds scheduled reports. Try it today: https://shop.example/spring"
              - "New this spring: reports you can schedule once and forget. See how: https://shop.example/spring"
              - "Scheduled reports are here. Pick a day, pick the recipients, done. https://shop.example/spring"
          - name: benefit
            rounds:
              - "Stop copying numbers into slides: reports now arrive on their own. https://shop.example/spring"
              - "Monday mornings without spreadsheet chores: last week's figures land in your inbox. https://shop.example/spring"
              - "Spend Friday afternoon on ideas, not on pasting charts. The summary writes itself: https://shop.example/spring"
        metric: link-click-rate
        allocation:
          postsPerVariant: 3
          start: 2026-03-02 09:00
          dailySlots: ["09:00", "13:00", "18:00"]
          seed: 7
        horizon: 1d
        decision:
          method: frequentist
          minPostsPerVariant: 3
        """;

    [GeneratedRegex(@"https://go\.acme\.example/l/(?<code>[A-Za-z0-9]+)")]
    private static partial Regex ShortLink();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHostsClickCounts_PickTheVariantPeopleClickMore_AndBotsDoNotCount()
    {
        var clock = new DemoClock(Start);
        var triggers = new DemoPublishScheduler();
        await using var api = await ApiHost.StartAsync(
            accountsJson: """[ { "name": "acme", "timeZone": "Europe/Berlin", "settings": { "followers": 2000 } } ]""",
            settings: new Dictionary<string, string?> { ["Links:Tag"] = "true", ["Links:ShortBaseUrl"] = "https://go.acme.example" },
            sandboxSettingsJson: """{ "seed": 3, "defaultRates": { "clickRate": 0.01 } }""",
            clock: clock,
            services: s => s.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(triggers)));

        using var editor = api.As(UserRole.Editor);
        using var create = await editor.PostAsync("/api/v1/experiments", new StringContent(Definition, Encoding.UTF8, "application/yaml"), Ct);
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync(Ct));
        var experimentId = (await ApiJson.ReadAsync(create)).GetProperty("experiment").GetProperty("id").GetString()!;

        var experiments = api.Service<ExperimentService>();
        var executor = api.Service<PublishExecutor>();
        var collector = api.Service<ExperimentMetricsCollector>();
        using var audience = api.Anonymous();
        var codes = new Dictionary<string, List<string>> { ["feature"] = [], ["benefit"] = [] };
        var experiment = await experiments.GetAsync(experimentId, Ct);
        while (!experiment.IsFinished && clock.GetUtcNow() < experiment.EndsAt + TimeSpan.FromDays(1))
        {
            var stepEnd = clock.GetUtcNow() + Hour;
            while (triggers.NextDue is { } due && due <= stepEnd)
            {
                clock.AdvanceTo(due);
                foreach (var postId in triggers.TakeDue(clock.GetUtcNow()))
                {
                    var post = await executor.ExecuteAsync(postId, recovering: false, Ct);
                    Assert.Equal(PostState.Published, post!.State);

                    // The audience reads the published text: its only link is the host's short link.
                    Assert.DoesNotContain("shop.example", post.Text, StringComparison.Ordinal);
                    var code = ShortLink().Match(post.Text).Groups["code"].Value;
                    codes[post.Variant!].Add(code);
                    await ClickAsync(audience, code, post.Variant == "benefit" ? BenefitClicks : FeatureClicks, post.Variant == "feature" ? BotHitsPerRound : 0);
                }
            }

            clock.AdvanceTo(stepEnd);
            await collector.CollectAsync(Ct);
            experiment = await experiments.GetAsync(experimentId, Ct);
        }

        Assert.Equal(ExperimentState.Decided, experiment.State);
        Assert.Equal("benefit", experiment.Decision!.Winner);

        // Bots were redirected like anyone, but only people's clicks reached the counts and the report.
        var links = api.Service<LinkStore>();
        foreach (var code in codes["feature"])
        {
            var link = await links.GetAsync(code, Ct);
            Assert.Equal((FeatureClicks, BotHitsPerRound * (Bots.Length + 1)), (link!.Clicks, link.BotHits));
        }

        var report = await experiments.ReportAsync(experimentId, Ct);
        var feature = report.Arms.Single(a => a.Name == "feature");
        var benefit = report.Arms.Single(a => a.Name == "benefit");
        Assert.Equal(FeatureClicks * feature.PostsMeasured, feature.Numerator);
        Assert.Equal(BenefitClicks * benefit.PostsMeasured, benefit.Numerator);
        Assert.True(feature.PostsMeasured >= 2 && benefit.PostsMeasured >= 2, $"measured {feature.PostsMeasured} and {benefit.PostsMeasured} posts");
        // Counted with the bots, the control would have had far more clicks than the winner.
        Assert.True(feature.Numerator + (BotHitsPerRound * (Bots.Length + 1) * feature.PostsMeasured) > 2 * benefit.Numerator);
    }

    private static async Task ClickAsync(HttpClient audience, string code, int people, int botRounds)
    {
        for (var i = 0; i < people; i++)
        {
            await FollowAsync(audience, code, HttpMethod.Get, $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.{i} Safari/537.36");
        }

        for (var round = 0; round < botRounds; round++)
        {
            foreach (var bot in Bots)
            {
                await FollowAsync(audience, code, HttpMethod.Get, bot);
            }

            // A link checker's HEAD, with a browser's User-Agent.
            await FollowAsync(audience, code, HttpMethod.Head, "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
        }
    }

    private static async Task FollowAsync(HttpClient audience, string code, HttpMethod method, string userAgent)
    {
        using var request = new HttpRequestMessage(method, "/l/" + code);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await audience.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("https://shop.example/spring?utm_source=sandbox&utm_medium=social&utm_campaign=clicks-on-short-links&utm_content=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
