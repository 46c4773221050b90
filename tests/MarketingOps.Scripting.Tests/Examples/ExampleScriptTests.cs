using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Examples;

/// <summary>The scripts in <c>scripts/</c> that marketers copy: each compiles, passes the policy and does what its header says.</summary>
public sealed class ExampleScriptTests : IDisposable
{
    // Examples run many times here; a cache (outside the repository) keeps that fast, as in a real client folder.
    private readonly ScriptFolder _cache = new();

    public void Dispose() => _cache.Dispose();

    public static TheoryData<string> Examples => new(Directory.GetFiles(RepositoryPaths.Scripts, "*.csx", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(RepositoryPaths.Scripts, p))
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_compiles_and_passes_the_policy_without_warnings(string example)
    {
        var diagnostics = await TestWorkers.Runner.CheckAsync(Path.Combine(RepositoryPaths.Scripts, example), TestContext.Current.CancellationToken);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_four_promised_examples_exist()
        => Assert.Superset(
            new HashSet<string> { "ab-two-variants.csx", "three-way.csx", "bandit-evergreen.csx", "weekly-report.csx" },
            Directory.GetFiles(RepositoryPaths.Scripts, "*.csx").Select(Path.GetFileName).ToHashSet()!);

    [Fact]
    public async Task Ab_test_starts_then_names_the_truly_better_wording_once_the_data_is_in()
    {
        var host = new TestHost(_cache.CacheDirectory);

        var first = await host.RunAsync(Example("ab-two-variants.csx"), args: "brand");
        var posts = host.Host.Posts.List(new ScriptPostQuery { Experiment = "spring-launch-wording" }, TestContext.Current.CancellationToken);
        host.Clock.Advance(TimeSpan.FromDays(10));
        var benefit = posts.Where(p => p.Variant == "benefit").Select(p => p.Text).ToHashSet(StringComparer.Ordinal);
        host.Host.PublishAndMeasure(text => benefit.Contains(text) ? 0.04 : 0.02);
        var second = await host.RunAsync(Example("ab-two-variants.csx"), args: "brand");

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal("started", first.ReturnValue);
        Assert.Equal(6, posts.Count);
        Assert.Equal(3, benefit.Count); // three posts, each in its own wording
        Assert.All(posts, p => Assert.Equal(TimeSpan.FromHours(8.5), p.At!.Value.TimeOfDay)); // 09:30 in Berlin (CET) is 08:30 UTC
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal("winner: benefit", second.ReturnValue);
        Assert.Contains("benefit leads on link-click rate", host.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_way_test_gives_each_wording_the_same_number_of_slots()
    {
        var host = new TestHost(_cache.CacheDirectory);

        var result = await host.RunAsync(Example("three-way.csx"), args: ["brand-bluesky", "3"]);
        var posts = host.Host.Posts.List(new ScriptPostQuery { Experiment = "webinar-cta" }, TestContext.Current.CancellationToken);
        var again = await host.RunAsync(Example("three-way.csx"), args: "brand-bluesky");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("9", result.ReturnValue);
        Assert.All(posts.GroupBy(p => p.Variant), g => Assert.Equal(3, g.Count()));
        Assert.All(posts, p => Assert.Equal("brand-bluesky", p.Account));
        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.Contains("webinar-cta: Running", host.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bandit_rotation_favours_the_better_wording_but_keeps_every_wording_in_play()
    {
        var host = new TestHost(_cache.CacheDirectory);
        var picks = new List<string>();
        for (var day = 0; day < 40; day++)
        {
            var result = await host.RunAsync(Example("bandit-evergreen.csx"), args: "brand");
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            picks.Add(result.ReturnValue!);
            host.Clock.Advance(TimeSpan.FromDays(7)); // the rotation posts at most once a week
            host.Host.PublishAndMeasure(text => text.StartsWith('"') ? 0.05 : 0.01, seed: day); // every "customer" wording is a quote
        }

        var counts = picks.Where(p => p != "nothing to do").GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["customer", "question", "tour"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.True(counts["customer"] > counts["tour"] && counts["customer"] > counts["question"], string.Join(", ", counts));
        Assert.All(counts.Values, c => Assert.True(c >= 3, string.Join(", ", counts)));
    }

    [Fact]
    public async Task Bandit_never_leaves_two_evergreen_posts_waiting()
    {
        var host = new TestHost(_cache.CacheDirectory);

        await host.RunAsync(Example("bandit-evergreen.csx"), args: "brand");
        var second = await host.RunAsync(Example("bandit-evergreen.csx"), args: "brand");

        Assert.Equal("nothing to do", second.ReturnValue);
        Assert.Single(host.Host.Posts.List(new ScriptPostQuery { State = ScriptPostState.Scheduled }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Weekly_report_lists_last_weeks_posts_best_first_with_totals()
    {
        var host = new TestHost(_cache.CacheDirectory);
        var posts = host.Host.Posts;
        var ct = TestContext.Current.CancellationToken;
        posts.Schedule(new ScriptPostRequest("brand", "A quiet post", TestHost.Start.AddHours(1)), ct);
        posts.Schedule(new ScriptPostRequest("brand", "A loud post", TestHost.Start.AddHours(2)), ct);
        posts.Schedule(new ScriptPostRequest("brand-mastodon", "Elsewhere", TestHost.Start.AddHours(3)), ct);
        host.Clock.Advance(TimeSpan.FromDays(2));
        host.Host.PublishAndMeasure(text => text.Contains("loud", StringComparison.Ordinal) ? 0.10 : 0.01);

        var result = await host.RunAsync(Example("weekly-report.csx"));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var output = host.Output.ToString();
        Assert.Contains("3 posts published", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("A loud post", StringComparison.Ordinal) < output.IndexOf("A quiet post", StringComparison.Ordinal), output);
        Assert.Contains("brand-mastodon: 1 posts", output, StringComparison.Ordinal);
        Assert.Equal("{ posts = 3, best = post-2 }", result.ReturnValue);
    }

    [Fact]
    public async Task Dry_run_of_the_ab_test_prints_what_would_be_posted_and_creates_nothing()
    {
        var host = new TestHost(_cache.CacheDirectory);

        var result = await host.RunAsync(Example("ab-two-variants.csx"), dryRun: true, args: "brand");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(7, result.DryRunActions.Count);
        Assert.StartsWith("would start experiment 'spring-launch-wording'", result.DryRunActions[0], StringComparison.Ordinal);
        Assert.All(result.DryRunActions.Skip(1), a => Assert.StartsWith("would schedule on brand at ", a, StringComparison.Ordinal));
        Assert.Contains("[dry run] would schedule on brand", host.Output.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.Host.Posts.List(new ScriptPostQuery(), TestContext.Current.CancellationToken));
        Assert.Null(host.Host.Experiments.Find("spring-launch-wording", TestContext.Current.CancellationToken));
    }

    private static string Example(string name) => Path.Combine(RepositoryPaths.Scripts, name);
}
