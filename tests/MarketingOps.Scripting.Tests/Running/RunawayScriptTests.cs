using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MarketingOps.Scripting.Tests.Running;

/// <summary>
/// Scripts that never end and never look at their token. Each must end as <see cref="ScriptOutcome.TimedOut"/> with the
/// line its budget stopped it at (a script that does not stop is killed with its worker: see HostileRuntimeTests), and
/// the host must run the next script normally.
/// </summary>
public sealed class RunawayScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string, string, int> Runaway => new()
    {
        { "while (true)", "var i = 0;\nwhile (true) { i++; }", 2 },
        { "while (true) without braces", "var i = 0;\nwhile (true) i++;", 2 },
        { "for (;;)", "for (;;) ;", 1 },
        { "do while", "var i = 0;\ndo { i ^= 1; } while (i >= 0);", 2 },
        { "foreach over an endless iterator", "IEnumerable<int> Forever() { while (true) yield return 1; }\nforeach (var x in Forever()) { }", 1 },
        { "goto loop", "var n = 0;\nagain:\nn++;\ngoto again;", 4 },
        { "loop in a class method", "class Spinner { public static void Spin() { while (true) { } } }\nSpinner.Spin();", 1 },
        { "loop in a lambda", "Action spin = () => { for (var i = 0; ; i++) { } };\nspin();", 1 },
        { "LINQ over Enumerable.Repeat with a lambda", "var n = Enumerable.Repeat(1, int.MaxValue).Select(x => x * 2).Where(x => x > 0).LongCount();", 1 },
        { "query expression over an endless range", "var n = (from x in Enumerable.Repeat(1, int.MaxValue) where x > 0 select x + 1).LongCount();", 1 },
        { "a swallowed cancellation inside the loop", "while (true) { try { while (true) { } } catch (OperationCanceledException) { } }", 1 },
        { "catch everything and retry", "void Work() { try { while (true) { } } catch { Work(); } }\nWork();", 1 },
        { "Task.Delay with the token, far too long", "await Task.Delay(TimeSpan.FromHours(1), CancellationToken);", 1 },
        { "Delay global, far too long", "await Delay(TimeSpan.FromHours(1));", 1 },
        { "async loop", "async Task Spin() { while (true) { await Task.Yield(); } }\nawait Spin();", 1 },
        { "exponential recursion, never deep", "void Walk(int depth) { if (depth < 60) { Walk(depth + 1); Walk(depth + 1); } }\nWalk(0);", 1 },
        { "mutual recursion through a local function", "int Ping(int n) => n > 40 ? 0 : Pong(n + 1) + Pong(n + 1);\nint Pong(int n) => Ping(n);\nPing(0);", 1 },
    };

    [Theory]
    [MemberData(nameof(Runaway))]
    public async Task Runaway_script_is_stopped_after_its_timeout_and_the_host_stays_healthy(string name, string source, int stoppedNear)
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("runaway.csx", source + "\n");
        var healthy = folder.Write("healthy.csx", "1 + 1\n");
        var host = new TestHost();

        var result = await host.RunAsync(file, Timeout);

        Assert.True(result.Outcome == ScriptOutcome.TimedOut, $"{name}: {result.Outcome}\n{string.Join("\n", result.Diagnostics)}");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ScriptDiagnosticIds.TimedOut, diagnostic.Id);
        Assert.Contains("timeout", diagnostic.Message, StringComparison.Ordinal);
        Assert.InRange(diagnostic.Line, 1, stoppedNear + 3);
        Assert.Equal("2", (await host.RunAsync(healthy)).ReturnValue);
    }

    [Fact]
    public async Task Endless_recursion_is_stopped_before_the_stack_overflows_the_host()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("recurse.csx", "int Down(int n) => Down(n + 1) + 1;\nDown(0)\n");
        var host = new TestHost();

        var result = await host.RunAsync(file, TimeSpan.FromSeconds(30));

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((ScriptDiagnosticIds.RuntimeError, 1), (diagnostic.Id, diagnostic.Line));
        Assert.Contains("recursed too deeply", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_from_outside_stops_the_run_and_says_the_host_is_stopping()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("spin.csx", "Print(\"spinning\");\nwhile (true) { }\n");
        var host = new TestHost();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = host.Runner.RunAsync(file, new ScriptRunRequest(host.Host.Services) { Timeout = TimeSpan.FromMinutes(1) }, stopping.Token);
        await host.Output.WaitForAsync("spinning");
        await stopping.CancelAsync();
        var result = await run;

        Assert.Equal(ScriptOutcome.Cancelled, result.Outcome);
        Assert.Equal(ScriptDiagnosticIds.Cancelled, Assert.Single(result.Diagnostics).Id);
    }

    [Fact(Timeout = 120_000)] // fails by hanging: nothing else ends the run
    public async Task Cancelling_from_outside_reaches_the_worker_whose_script_stops_there()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("spin.csx", "Print(\"spinning\");\nwhile (true) { }\n");

        // The pool's clock stands still: its grace period after a cancellation never ends, nor does the deadline, so
        // the host never kills the worker and only the cancellation sent to it can end the run.
        using var pool = new MarketingOps.Scripting.Workers.ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 0)), new FakeTimeProvider());
        var host = new TestHost(cacheDirectory: null, pool);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = host.Runner.RunAsync(file, new ScriptRunRequest(host.Host.Services) { Timeout = TimeSpan.FromMinutes(10) }, stopping.Token);
        await host.Output.WaitForAsync("spinning");
        await stopping.CancelAsync();
        var result = await run;

        Assert.Equal(ScriptOutcome.Cancelled, result.Outcome);
        Assert.False(result.WorkerKilled);
    }

    [Fact]
    public async Task Cancelling_while_the_script_compiles_returns_the_cancelled_result_instead_of_throwing()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("slow-to-compile.csx", CompileBomb.Source(depth: 22));
        using var pool = new MarketingOps.Scripting.Workers.ScriptWorkerPool(TestWorkers.Options(o => o.MaxWorkers = 1));
        var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var compiling = new TaskCompletionSource();
        runner.Compiling += () => compiling.TrySetResult();

        var run = runner.RunAsync(file, new ScriptRunRequest(new TestHost().Host.Services), stopping.Token);
        await compiling.Task;
        await stopping.CancelAsync();
        var result = await run;

        Assert.Equal(ScriptOutcome.Cancelled, result.Outcome);
        Assert.Equal(ScriptDiagnosticIds.Cancelled, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_returns_the_cancelled_result()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("never.csx", "1\n");

        var result = await TestWorkers.Runner.RunAsync(file, new ScriptRunRequest(new TestHost().Host.Services), new CancellationToken(canceled: true));

        Assert.Equal(ScriptOutcome.Cancelled, result.Outcome);
    }

    [Fact]
    public async Task A_script_that_finishes_in_time_is_not_affected_by_its_timeout()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("quick.csx", "var sum = 0L;\nfor (var i = 0; i < 1_000_000; i++) { sum += i; }\nsum\n");

        var result = await new TestHost().RunAsync(file, TimeSpan.FromSeconds(30));

        Assert.Equal("499999500000", result.ReturnValue);
    }
}
