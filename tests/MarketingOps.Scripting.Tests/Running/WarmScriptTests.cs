using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Running;

/// <summary>Recently run scripts stay loaded in their worker; a reused script must behave exactly like a freshly loaded one.</summary>
public sealed class WarmScriptTests : IDisposable
{
    // One worker of its own, so each run lands on the worker that ran the script before.
    private readonly ScriptWorkerPool _pool = new(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));

    public void Dispose() => _pool.Dispose();

    [Fact]
    public async Task The_second_run_reuses_the_loaded_script_and_starts_from_fresh_state()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("count.csx", "var runs = new List<int>();\nruns.Add(Args.Length);\nruns.Count\n");
        var host = new TestHost(null, _pool);

        var first = await host.RunAsync(file);
        var second = await host.RunAsync(file);

        Assert.Equal((false, false, "1"), (first.CacheHit, first.WarmStart, first.ReturnValue));
        Assert.Equal((true, true, "1"), (second.CacheHit, second.WarmStart, second.ReturnValue));
    }

    [Fact]
    public async Task A_changed_script_is_not_served_from_the_warm_set()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("v.csx", "1\n");
        var host = new TestHost(null, _pool);
        await host.RunAsync(file);

        folder.Write("v.csx", "2\n");
        var changed = await host.RunAsync(file);

        Assert.Equal((false, "2"), (changed.WarmStart, changed.ReturnValue));
    }

    [Fact]
    public async Task Work_a_run_left_behind_stops_with_that_run_even_when_the_script_is_reused()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("forgotten.csx", """
            async Task Chatter()
            {
                while (true)
                {
                    await Delay(TimeSpan.FromMilliseconds(20));
                    Posts.Draft("brand", "still here");
                }
            }

            _ = Chatter();
            Args.Length
            """);
        var host = new TestHost(null, _pool);
        var ct = TestContext.Current.CancellationToken;

        await host.RunAsync(file);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        var afterFirst = host.Host.Posts.List(new ScriptPostQuery(), ct).Count;
        var second = await host.RunAsync(file);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        var afterSecond = host.Host.Posts.List(new ScriptPostQuery(), ct).Count;

        Assert.True(second.WarmStart);
        Assert.Equal(0, afterFirst);
        Assert.Equal(0, afterSecond);
    }

    [Fact]
    public async Task A_reused_script_still_stops_at_its_own_timeout()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("maybe-spin.csx", "if (Args.Length > 0) { while (true) { } }\n1\n");
        var host = new TestHost(null, _pool);

        var quick = await host.RunAsync(file);
        var spinning = await host.RunAsync(file, TimeSpan.FromMilliseconds(200), args: "spin");
        var again = await host.RunAsync(file);

        Assert.Equal("1", quick.ReturnValue);
        Assert.Equal((true, ScriptOutcome.TimedOut), (spinning.WarmStart, spinning.Outcome));
        Assert.Equal((false, true, "1"), (again.WarmStart, again.ColdWorker, again.ReturnValue)); // a worker whose run failed is replaced
        Assert.True(again.CacheHit, "the host kept the compiled image for the new worker");
    }
}
