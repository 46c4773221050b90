using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// A warm worker keeps the posts and snapshots it was sent and receives only what changed: whatever changes between
/// two runs is seen by the second, a new worker starts empty, and no run can change what the next one reads. The reads
/// a script began with last time come with its next run (issue 11's speed), answered as the host's services answer
/// them at the run's start, and serve only the calls the script starts with: anything it sends the host first (a call,
/// a print) sends the rest of its reads to the host afresh.
/// </summary>
public sealed class WarmDataTests
{
    private const string Report = """
        var posts = Posts.List();
        var latest = Metrics.For(posts);
        string.Join(",", posts.Select((p, i) => $"{p.Id}:{p.Text}:{p.At:HH:mmzzz}:{latest[i].Impressions}:{Metrics.For(p.Id).LinkClicks}"))
        """;

    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_post_added_changed_or_deleted_between_two_warm_runs_is_seen_by_the_second()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var (posts, metrics, request) = Services();
        posts.Put(new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published));
        posts.Put(new ScriptPost("p2", "brand", "two", Noon, ScriptPostState.Scheduled));
        posts.Put(new ScriptPost("p3", "brand", "three", Noon, ScriptPostState.Scheduled));
        metrics.Record("p1", Noon, new Dictionary<string, long> { [Counter.Impressions] = 10, [Counter.LinkClicks] = 1 });
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", Report);
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var first = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);

        posts.Put(new ScriptPost("p2", "brand", "two, edited", Noon, ScriptPostState.Scheduled));
        posts.Put(new ScriptPost("p3", "brand", "three", Noon.ToOffset(TimeSpan.FromHours(1)), ScriptPostState.Scheduled)); // the same instant, another offset
        posts.Delete("p1");
        posts.Put(new ScriptPost("p4", "brand", "four", Noon, ScriptPostState.Scheduled));
        posts.Put(new ScriptPost("p1", "brand", "one, again", Noon, ScriptPostState.Scheduled)); // deleted, then back at the end
        metrics.Record("p1", Noon.AddHours(1), new Dictionary<string, long> { [Counter.Impressions] = 20, [Counter.LinkClicks] = 2 });
        metrics.Record("p4", Noon, new Dictionary<string, long> { [Counter.Impressions] = 5 });
        var second = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        posts.Delete("p2");
        var third = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);

        Assert.Equal("p1:one:12:00+00:00:10:1,p2:two:12:00+00:00::,p3:three:12:00+00:00::", first.ReturnValue);
        Assert.Equal("p2:two, edited:12:00+00:00::,p3:three:13:00+01:00::,p4:four:12:00+00:00:5:,p1:one, again:12:00+00:00:20:2", second.ReturnValue);
        Assert.Equal("p3:three:13:00+01:00::,p4:four:12:00+00:00:5:,p1:one, again:12:00+00:00:20:2", third.ReturnValue);
        Assert.True(second.WarmStart && third.WarmStart, "the later runs were not served by the warm worker");
        Assert.Equal(1, pool.Started);
    }

    [Fact]
    public async Task A_recycled_worker_starts_empty_and_is_sent_everything()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.RunsPerWorker) = (1, 1, 1)));
        var (posts, metrics, request) = Services();
        posts.Put(new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published));
        metrics.Record("p1", Noon, new Dictionary<string, long> { [Counter.Impressions] = 10, [Counter.LinkClicks] = 1 });
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", Report);
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);

        var first = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        var second = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);

        Assert.Equal((ScriptOutcome.Completed, "p1:one:12:00+00:00:10:1"), (first.Outcome, first.ReturnValue));
        Assert.Equal((ScriptOutcome.Completed, "p1:one:12:00+00:00:10:1"), (second.Outcome, second.ReturnValue));
        Assert.True(second.ColdWorker, "the second run was not on a new worker");
    }

    [Fact]
    public async Task A_run_cannot_change_the_counters_the_next_run_reads()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var (posts, metrics, request) = Services();
        posts.Put(new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published));
        metrics.Record("p1", Noon, new Dictionary<string, long> { [Counter.Impressions] = 10 });
        using var folder = new ScriptFolder();
        var tamper = folder.Write("tamper.csx", """
            var counters = (IDictionary<string, long>)Metrics.For(Posts.List())[0].Counters;
            try { counters["impressions"] = 0; return "changed"; }
            catch (NotSupportedException) { return "refused"; }
            """);
        var read = folder.Write("read.csx", "Metrics.For(Posts.List())[0].Impressions");
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);

        var tampered = await runner.RunAsync(tamper, request, TestContext.Current.CancellationToken);
        var after = await runner.RunAsync(read, request, TestContext.Current.CancellationToken);

        Assert.Equal("refused", tampered.ReturnValue);
        Assert.Equal("10", after.ReturnValue);
        Assert.Equal(1, pool.Started);
    }

    [Fact]
    public async Task Reads_from_many_tasks_at_once_each_get_the_whole_answer()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var (posts, metrics, request) = Services();
        for (var i = 0; i < 300; i++)
        {
            posts.Put(new ScriptPost($"p{i}", "brand", $"post {i}", Noon, ScriptPostState.Published));
            metrics.Record($"p{i}", Noon, new Dictionary<string, long> { [Counter.Impressions] = i });
        }

        using var folder = new ScriptFolder();
        var file = folder.Write("parallel.csx", """
            async Task<long> Sum()
            {
                await Delay(TimeSpan.FromMilliseconds(1)); // each continues on a pool thread of its own
                return Metrics.For(Posts.List()).Sum(s => s.Impressions ?? 0);
            }

            var sums = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Sum()));
            string.Join(",", sums.Distinct())
            """);
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);

        var first = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        metrics.Record("p0", Noon.AddHours(1), new Dictionary<string, long> { [Counter.Impressions] = 1000 });
        var second = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);

        Assert.True(first.Succeeded, string.Join("; ", first.Diagnostics));
        Assert.Equal("44850", first.ReturnValue);
        Assert.Equal("45850", second.ReturnValue);
    }

    [Fact]
    public async Task The_reads_a_script_began_with_come_with_its_next_run_and_see_what_changed_in_between()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var (posts, metrics, request) = Services();
        posts.Put(new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published));
        metrics.Record("p1", Noon, new Dictionary<string, long> { [Counter.Impressions] = 10 });
        using var folder = new ScriptFolder();
        var file = folder.Write("report.csx", """
            var posts = Posts.List();
            var latest = Metrics.For(posts);
            string.Join(",", posts.Select((p, i) => $"{p.Id}:{latest[i].Impressions}"))
            """);
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);

        var first = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        posts.Put(new ScriptPost("p2", "brand", "two", Noon, ScriptPostState.Published));
        metrics.Record("p1", Noon.AddHours(1), new Dictionary<string, long> { [Counter.Impressions] = 20 });
        var second = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        var third = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);

        Assert.Equal(("p1:10", 0), (first.ReturnValue, first.PrefetchedReads));
        Assert.Equal(("p1:20,p2:", 2), (second.ReturnValue, second.PrefetchedReads));
        Assert.Equal(("p1:20,p2:", 2), (third.ReturnValue, third.PrefetchedReads));
    }

    [Fact]
    public async Task A_read_after_a_print_sees_what_changed_once_the_print_was_seen()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var (posts, _, request) = Services();
        var services = request.Services;
        posts.Put(new ScriptPost("p1", "brand", "one", Noon, ScriptPostState.Published));
        using var folder = new ScriptFolder();

        // Two reads the first run begins with; the second run takes the first from the prefetch, then prints, and whoever
        // watches its output adds a post before the second read.
        var file = folder.Write("print.csx", """
            var published = Posts.List(state: ScriptPostState.Published).Count;
            if (Accounts.Any(a => a.Name == "second"))
            {
                Print("waiting");
            }

            $"{published} {Posts.List().Count}"
            """);
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var first = await runner.RunAsync(file, new ScriptRunRequest(services), TestContext.Current.CancellationToken);
        var watching = new ActingWriter("waiting", () => posts.Put(new ScriptPost("p2", "brand", "two", Noon, ScriptPostState.Scheduled)));
        var twoAccounts = services with { Accounts = [.. services.Accounts, new ScriptAccount("second", "bluesky", "UTC")], Output = watching };

        var second = await runner.RunAsync(file, new ScriptRunRequest(twoAccounts), TestContext.Current.CancellationToken);

        Assert.Equal("1 1", first.ReturnValue);
        Assert.Equal(("1 2", 1), (second.ReturnValue, second.PrefetchedReads));
        Assert.Contains("waiting", watching.ToString(), StringComparison.Ordinal);
    }

    private static (EditablePosts Posts, InMemoryScriptMetrics Metrics, ScriptRunRequest Request) Services()
    {
        var posts = new EditablePosts();
        var metrics = new InMemoryScriptMetrics();
        var services = new ScriptServices(InMemoryScriptHost.SampleAccounts, posts, metrics, new InMemoryScriptExperiments(new InMemoryScriptPosts(InMemoryScriptHost.SampleAccounts, TimeProvider.System), metrics, TimeProvider.System));
        return (posts, metrics, new ScriptRunRequest(services) { Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Output that does something the moment a text is written, before the script's next call is served.</summary>
    private sealed class ActingWriter(string text, Action act) : StringWriter
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                act();
            }
        }
    }
}
