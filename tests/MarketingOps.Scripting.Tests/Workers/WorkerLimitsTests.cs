using System.IO.Pipes;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.InMemory;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// What the host enforces from outside a worker: its resident memory, watched during the run, and nothing of it left in
/// the host afterwards (no pipe, no process, no temporary folder).
/// </summary>
public sealed class WorkerLimitsTests
{
    [Fact]
    public async Task A_worker_past_its_resident_memory_limit_is_killed_and_the_run_says_so()
    {
        // The heap may grow to 4 GB, so the GC does not stop the script first: the host's watchdog, at 300 MB, must.
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.MemoryLimitBytes, o.MaxResidentBytes) = (1, 1, 4L << 30, 300L << 20)));
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var host = new InMemoryScriptHost(InMemoryScriptHost.SampleAccounts, TimeProvider.System);
        using var folder = new ScriptFolder();
        var file = folder.Write("hoard.csx", """
            var keep = new List<byte[]>();
            while (true)
            {
                var block = new byte[10_000_000];
                Array.Fill(block, (byte)1); // touched, so resident
                keep.Add(block);
                await Delay(TimeSpan.FromMilliseconds(20));
            }
            """);
        var request = new ScriptRunRequest(host.Services) { Timeout = TimeSpan.FromMinutes(3) };

        var result = await runner.RunAsync(file, request, TestContext.Current.CancellationToken);
        var next = await runner.RunAsync(folder.Write("next.csx", "6 * 7\n"), request, TestContext.Current.CancellationToken);

        Assert.Equal(ScriptOutcome.Crashed, result.Outcome);
        Assert.True(result.WorkerKilled);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((file, ScriptDiagnosticIds.WorkerDied), (error.File, error.Id));
        Assert.Matches(@"^The script used [\d,]+ MB of memory, past the 300 MB a worker may use, so the host killed its worker process \(in the statement that starts here\)\. The host is unaffected\.$", error.Message);
        Assert.InRange(error.Line, 4, 7); // a statement of the loop that hoards
        Assert.Equal("42", next.ReturnValue);
    }

    [Fact]
    public async Task Output_past_the_cap_is_cut_with_a_marker_and_the_run_goes_on_with_a_warning()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.MaxOutputBytesPerRun) = (1, 1, 64L << 10)));
        var host = new TestHost(null, pool);
        using var folder = new ScriptFolder();
        var file = folder.Write("chatty.csx", """
            var line = new string('x', 1_000);
            for (var i = 0; i < 500; i++) { Print(line); Log.LogInformation("{Line}", line); }
            "done"
            """);

        var result = await host.RunAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("done", result.ReturnValue);
        var output = host.Output.ToString();
        Assert.EndsWith("[output cut: the script printed and logged more than 64 KB in this run; the rest of its output is dropped]" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.True(output.Length + host.Log.Lines.Sum(l => l.Length) < 66 << 10, $"{output.Length} characters printed and {host.Log.Lines.Sum(l => l.Length)} logged reached the host");
        Assert.Contains(host.Log.Lines, l => l.Contains("printed and logged more than 64 KB in this run", StringComparison.Ordinal));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((file, ScriptDiagnosticIds.OutputCut, false), (warning.File, warning.Id, warning.IsError));
    }

    [Fact]
    public async Task A_value_past_the_cap_is_cut_and_the_cut_is_stated()
    {
        var host = new TestHost();
        using var folder = new ScriptFolder();
        var file = folder.Write("long.csx", "new string('x', 100_000)");
        var exact = folder.Write("exact.csx", "new string('x', 65_536)");

        var result = await host.RunAsync(file);
        var whole = await host.RunAsync(exact);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(new string('x', 65_536) + "…", result.ReturnValue);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((file, ScriptDiagnosticIds.ValueCut, false), (warning.File, warning.Id, warning.IsError));
        Assert.Equal("The script's value is 100,000 characters long; only its first 65,536 are returned, followed by ….", warning.Message);
        Assert.Equal(65_536, whole.ReturnValue?.Length);
        Assert.Empty(whole.Diagnostics);
    }

    [Fact]
    public async Task A_memory_bomb_counts_as_a_killed_worker_so_a_schedule_that_repeats_it_is_paused()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.MemoryLimitBytes) = (1, 1, 256L << 20)));
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var host = new InMemoryScriptHost(InMemoryScriptHost.SampleAccounts, TimeProvider.System);
        using var folder = new ScriptFolder();
        var request = new ScriptRunRequest(host.Services) { Timeout = TimeSpan.FromMinutes(2) };

        var result = await runner.RunAsync(folder.Write("bomb.csx", HostileScripts.MemoryBomb), request, TestContext.Current.CancellationToken);
        var next = await runner.RunAsync(folder.Write("next.csx", "6 * 7\n"), request, TestContext.Current.CancellationToken);

        // Caught as OutOfMemoryException (Failed) or fatal to the worker (Crashed): either way the worker is spent.
        Assert.Contains(result.Outcome, new[] { ScriptOutcome.Failed, ScriptOutcome.Crashed });
        Assert.True(result.WorkerKilled, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        Assert.Equal("42", next.ReturnValue);
    }

    [Fact]
    public async Task After_its_runs_the_host_holds_nothing_of_its_workers()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test reads /proc");

        // A descriptor the host holds without close-on-exec, as one a shell or service manager leaves open would be.
        using var parentsPipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.Inheritable);
        var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var host = new TestHost(null, pool);
        using var folder = new ScriptFolder();
        var workers = new Dictionary<int, (string[] Pipes, string? Folder)>();

        // A clean run, then a crash (its worker is replaced), then a clean run in the replacement.
        foreach (var source in new[] { "Posts.List().Count\n", HostileScripts.TupleHashCode + "\n", "1\n" })
        {
            var pids = pool.ProcessIds;
            foreach (var pid in pids)
            {
                workers.TryAdd(pid, ([ProcFs.Descriptor(pid, 0)!, ProcFs.Descriptor(pid, 1)!, ProcFs.Descriptor(pid, 2)!], ProcFs.WorkingFolder(pid)));
            }

            await host.RunAsync(folder.Write($"s{workers.Count}.csx", source), TimeSpan.FromSeconds(30));
        }

        foreach (var pid in pool.ProcessIds)
        {
            workers.TryAdd(pid, ([ProcFs.Descriptor(pid, 0)!, ProcFs.Descriptor(pid, 1)!, ProcFs.Descriptor(pid, 2)!], ProcFs.WorkingFolder(pid)));
            var inherited = ProcFs.SharedObjects(pid).Intersect(ProcFs.SharedObjects(Environment.ProcessId)).Except(workers[pid].Pipes).ToList();
            Assert.True(inherited.Count == 0, $"worker {pid} shares {string.Join(", ", inherited.Select(o => $"{o} (its fd {ProcFs.DescriptorsOf(pid, o)}, the host's fd {ProcFs.DescriptorsOf(Environment.ProcessId, o)})"))} with the host beyond its three pipes");
        }

        Assert.True(workers.Count >= 2, "the crash did not replace the worker");
        Assert.All(workers.Values, w => Assert.All(w.Pipes, p => Assert.StartsWith("pipe:", p, StringComparison.Ordinal)));

        runner.Dispose();
        pool.Dispose();

        foreach (var (pid, (pipes, workingFolder)) in workers)
        {
            await ProcFs.WaitForExitAsync(pid, TimeSpan.FromSeconds(30));
            Assert.False(workingFolder is not null && Directory.Exists(workingFolder), $"worker {pid}'s folder {workingFolder} is still there");
            var held = pipes.Intersect(ProcFs.SharedObjects(Environment.ProcessId)).ToList();
            Assert.True(held.Count == 0, $"the host still holds {string.Join(", ", held)} of worker {pid}");
        }
    }
}
