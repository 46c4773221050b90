using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// Issue 11, found by the red team: five slow scheduled scripts with no record took all three workers and the one
/// more that starts for quick runs, and a quick script missed every firing. New and slow runs share all but the last
/// worker; one new run may try the last; a quick run always finds one (one more than the pool when none is free).
/// </summary>
public sealed class WorkerLanesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // a worker's start on a loaded machine; a run that never gets one fails here
    [Fact]
    public async Task New_and_slow_runs_never_take_the_worker_a_quick_run_needs()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (3, 0)));
        var leases = new Dictionary<string, ScriptWorker>();
        async Task Take(string name, Task<ScriptWorker> acquiring) => leases[name] = await acquiring.WaitAsync(Patience, cancel);

        await Take("new1", pool.AcquireAsync(null, RunLane.New, "new1", cancel));
        await Take("new2", pool.AcquireAsync(null, RunLane.New, "new2", cancel));
        await Take("new3", pool.AcquireAsync(null, RunLane.New, "new3", cancel)); // the two shared are taken: it tries the last
        var new4 = pool.AcquireAsync(null, RunLane.New, "new4", cancel);
        var slow = pool.AcquireAsync(null, RunLane.Slow, "slow", cancel);
        await Take("quick1", pool.AcquireAsync(null, RunLane.Quick, "quick1", cancel)); // every worker is held by others: one more
        var quick2 = pool.AcquireAsync(null, RunLane.Quick, "quick2", cancel);
        var holders = pool.Holders().OrderBy(h => h.Holder, StringComparer.Ordinal).ToList();

        Assert.False(new4.IsCompleted, "a second new run took the last worker while one was trying it");
        Assert.False(slow.IsCompleted, "a slow run took the last worker");
        Assert.False(quick2.IsCompleted, "a quick run took a fifth worker while a quick run under the bound held the fourth");
        Assert.Equal(4, pool.Count);
        Assert.Equal(
            new WorkerHolder[] { new("new1", RunLane.New, false, false), new("new2", RunLane.New, false, false), new("new3", RunLane.New, false, true), new("quick1", RunLane.Quick, false, false) },
            holders);

        // The fourth worker back: the next quick run has it; new and slow runs still may not.
        pool.Release(leases["quick1"], recycle: true);
        await Take("quick2", quick2);
        Assert.False(new4.IsCompleted || slow.IsCompleted, "a new or slow run took the last worker");

        // The trial over and the last worker free again: the next new run tries it; a slow run never does.
        pool.Release(leases["new3"], recycle: true);
        Assert.False(new4.IsCompleted, "a new run took the last worker while a quick run held it");
        pool.Release(leases["quick2"], recycle: true);
        await Take("new4", new4);
        Assert.Contains(pool.Holders(), h => h is { Holder: "new4", Trial: true });
        Assert.False(slow.IsCompleted, "a slow run took the last worker");

        // A shared worker back: the slow run has it.
        pool.Release(leases["new1"], recycle: true);
        await Take("slow", slow);

        foreach (var worker in leases.Where(l => l.Key is "new2" or "new4" or "slow").Select(l => l.Value))
        {
            pool.Release(worker, recycle: true);
        }
    }
}
