using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// Every runtime attack of <see cref="HostileScripts"/> through real worker processes: the run ends with a clear error
/// naming the script, within its timeout plus the kill grace (and the compile), nothing it tried reached the host's
/// services, and the same host runs a benign script right after.
/// </summary>
public sealed class HostileRuntimeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);

    private readonly ScriptWorkerPool _pool = new(TestWorkers.Options(o =>
    {
        o.MemoryLimitBytes = 384L << 20;
        o.KillGrace = TimeSpan.FromSeconds(1);
        o.MaxTrafficPerRun = 8L << 20;
    }));

    public void Dispose() => _pool.Dispose();

    [Theory]
    [MemberData(nameof(HostileScripts.Runtime), MemberType = typeof(HostileScripts))]
    public async Task A_hostile_script_ends_its_own_run_and_the_host_runs_the_next_one(string name, string source, string[] outcomes, string says)
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("hostile.csx", source + "\n");
        var healthy = folder.Write("healthy.csx", "Posts.Schedule(\"brand\", \"still here\", Now.AddHours(1)).Account\n");
        var host = new TestHost(null, _pool);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = TimeProvider.System.GetTimestamp();

        var result = await host.RunAsync(file, Timeout);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var next = await host.RunAsync(healthy);

        var report = $"{name}: {result.Outcome} after {elapsed.TotalSeconds:0.0} s\n{string.Join("\n", result.Diagnostics)}";
        Assert.True(outcomes.Contains(result.Outcome.ToString()), report);
        if (result.Outcome != ScriptOutcome.Completed)
        {
            var error = Assert.Single(result.Diagnostics, d => d.IsError);
            Assert.Equal(file, error.File);
            Assert.Contains(says, error.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        // Compiling in a fresh worker is part of the run (bounded by the compile limit); the run itself ends by its
        // timeout plus the kill grace.
        Assert.True(elapsed < Timeout + _pool.Options.KillGrace + _pool.Options.CompileTimeout, report);
        Assert.True(next.Succeeded, $"the next script after {name} failed: {string.Join("\n", next.Diagnostics)}");
        Assert.Equal("brand", next.ReturnValue);
        Assert.DoesNotContain(host.Host.Experiments.List(CancellationToken.None), e => e.Name == "endless");
        Assert.True(host.Output.ToString().Length < _pool.Options.MaxOutputBytesPerRun + 1_000, $"{name}: {host.Output.ToString().Length} characters of output reached the host");
        Assert.True(host.Log.Lines.Sum(l => l.Length) < _pool.Options.MaxOutputBytesPerRun + 1_000, $"{name}: {host.Log.Lines.Sum(l => l.Length)} characters of log reached the host");
        Assert.True(host.Log.Lines.Count <= _pool.Options.MaxLogLinesPerRun + 1, $"{name}: {host.Log.Lines.Count} log lines reached the host");
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore < 64L << 20, $"{name}: the host's heap grew by {(GC.GetTotalMemory(true) - memoryBefore) >> 20} MB");
    }

    [Fact]
    public async Task A_stack_overflow_names_the_line_of_the_statement_that_overflowed()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("hash.csx", "// a self-referencing record\n" + HostileScripts.SelfReferencingRecordHash + "\n");
        var host = new TestHost(null, _pool);

        var result = await host.RunAsync(file, Timeout);

        Assert.Equal(ScriptOutcome.Crashed, result.Outcome);
        var error = Assert.Single(result.Diagnostics);
        // The runtime prints no offsets; the worker's last recorded statement is the one that hashed the record.
        Assert.Equal((file, 5, ScriptDiagnosticIds.WorkerDied), (error.File, error.Line, error.Id));
        Assert.Contains("overflowed the stack", error.Message, StringComparison.Ordinal);
        Assert.Contains("The host is unaffected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compile_bomb_is_stopped_at_the_compile_limit_and_check_says_so()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => o.CompileCpuLimit = TimeSpan.FromSeconds(5)));
        var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        using var folder = new ScriptFolder();
        var file = folder.Write("bomb.csx", CompileBomb.Source(depth: 26));

        var checkedDiagnostics = await runner.CheckAsync(file, TestContext.Current.CancellationToken);
        var run = await runner.RunAsync(file, new ScriptRunRequest(new TestHost().Host.Services), TestContext.Current.CancellationToken);

        Assert.Equal(ScriptDiagnosticIds.CompileLimit, Assert.Single(checkedDiagnostics).Id);
        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
        Assert.Contains("took more than 5 s of processor time", Assert.Single(run.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_that_died_is_replaced_and_the_pool_keeps_its_size()
    {
        using var folder = new ScriptFolder();
        var crash = folder.Write("crash.csx", HostileScripts.TupleHashCode + "\n");
        var fine = folder.Write("fine.csx", "40 + 2\n");
        var host = new TestHost(null, _pool);

        var crashed = await host.RunAsync(crash, Timeout);
        var after = await host.RunAsync(fine);

        Assert.Equal(ScriptOutcome.Crashed, crashed.Outcome);
        Assert.Equal("42", after.ReturnValue);
        Assert.True(_pool.Started >= 2, "a new worker was started after the crash");
        Assert.InRange(_pool.Count, 1, _pool.Options.MaxWorkers);
    }

    [Fact]
    public async Task A_worker_is_replaced_after_its_memory_passes_the_recycling_mark()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.RecycleAboveBytes) = (1, 1, 200L << 20)));
        var host = new TestHost(null, pool);
        using var folder = new ScriptFolder();
        var hungry = folder.Write("hungry.csx", "var keep = new List<byte[]>();\nfor (var i = 0; i < 30; i++) { var block = new byte[10_000_000]; Array.Fill(block, (byte)1); keep.Add(block); }\nkeep.Count\n");

        var first = await host.RunAsync(hungry);
        var second = await host.RunAsync(hungry);

        Assert.Equal("30", first.ReturnValue);
        Assert.Equal("30", second.ReturnValue);
        Assert.True(second.ColdWorker, "the worker that passed 200 MB served another run");
    }

    [Fact]
    public async Task A_worker_is_replaced_after_its_quota_of_runs()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.RunsPerWorker) = (1, 1, 3)));
        var host = new TestHost(null, pool);
        using var folder = new ScriptFolder();
        var file = folder.Write("count.csx", "Args.Length\n");

        var cold = new List<bool>();
        for (var i = 0; i < 7; i++)
        {
            cold.Add((await host.RunAsync(file)).ColdWorker);
        }

        Assert.Equal([true, false, false, true, false, false, true], cold);
    }

    [Fact]
    public async Task A_call_after_its_run_ended_is_refused_by_the_host()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("late.csx", """
            async Task Later() { await Task.Yield(); while (true) { Posts.Draft("brand", "from a run that ended"); } }
            _ = Later();
            1
            """);
        var host = new TestHost(null, _pool);

        var result = await host.RunAsync(file);
        var whenItEnded = host.Host.Posts.List(new ScriptPostQuery(), CancellationToken.None).Count;
        var afterwards = await host.RunAsync(folder.Write("list.csx", "Posts.List().Count\n"));

        Assert.Equal("1", result.ReturnValue);
        Assert.Equal(whenItEnded.ToString(System.Globalization.CultureInfo.InvariantCulture), afterwards.ReturnValue);
        Assert.Equal(whenItEnded, host.Host.Posts.List(new ScriptPostQuery(), CancellationToken.None).Count);
    }
}
