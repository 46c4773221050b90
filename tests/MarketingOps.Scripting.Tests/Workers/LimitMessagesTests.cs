using System.Globalization;
using System.Text;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// Issue 11's red-team findings on messages: what a script did past a limit is said in words about the script (its
/// exception, its size, its nesting, its line), not in the words of the machinery that gave way.
/// </summary>
public sealed class LimitMessagesTests : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_exception_with_a_200_MB_message_is_the_scripts_error_with_the_message_cut_and_not_a_death()
    {
        var file = _folder.Write("loud.csx", "// a message of 100 million characters\nthrow new InvalidOperationException(new string('x', 100_000_000));\n");

        var result = await new TestHost().RunAsync(file);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.False(result.WorkerKilled);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((file, 2, ScriptDiagnosticIds.RuntimeError), (error.File, error.Line, error.Id));
        Assert.Equal("System.InvalidOperationException: " + new string('x', 65_536) + "… [the message is 100,000,000 characters long; only its first 65,536 are shown]", error.Message);
    }

    [Fact]
    public async Task A_60000_case_switch_is_refused_at_the_compile_limit_naming_the_script_and_counts_as_a_killed_worker()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.MemoryLimitBytes) = (1, 1, 256L << 20)));
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);
        var source = new StringBuilder("var x = Args.Count;\nvar y = 0;\nswitch (x)\n{\n");
        for (var i = 0; i < 60_000; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    case {i}: y = {i}; break;\n");
        }

        var file = _folder.Write("cases.csx", source.Append("}\nPrint(y);\n").ToString());

        var run = await runner.RunAsync(file, new ScriptRunRequest(new TestHost().Host.Services), TestContext.Current.CancellationToken);
        var next = await runner.RunAsync(_folder.Write("next.csx", "6 * 7\n"), new ScriptRunRequest(new TestHost().Host.Services), TestContext.Current.CancellationToken);

        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
        Assert.True(run.WorkerKilled, "a compile past its limit costs a worker, and counts toward a schedule's pause");
        var error = Assert.Single(run.Diagnostics);
        Assert.Equal((file, 0, ScriptDiagnosticIds.CompileLimit), (error.File, error.Line, error.Id));
        Assert.StartsWith("The script cases.csx is too large to compile: the compiler needed more than the 256 MB of memory a worker may use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("OutOfMemory", error.Message, StringComparison.Ordinal);
        Assert.Equal("42", next.ReturnValue);
    }

    [Fact]
    public async Task An_expression_nested_too_deeply_for_the_compilers_stack_is_refused_naming_the_script()
    {
        var file = _folder.Write("nested.csx", "var x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + ";\nPrint(x);\n");
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers) = (1, 1)));
        using var runner = new ScriptRunner(new ScriptRunnerOptions(), pool: pool);

        var checkedOnly = await runner.CheckAsync(file, TestContext.Current.CancellationToken);
        var run = await runner.RunAsync(file, new ScriptRunRequest(new TestHost().Host.Services), TestContext.Current.CancellationToken);

        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
        Assert.True(run.WorkerKilled, "the compiler's worker died, and that counts toward a schedule's pause");
        foreach (var error in new[] { Assert.Single(checkedOnly), Assert.Single(run.Diagnostics) })
        {
            Assert.Equal((file, ScriptDiagnosticIds.CompileLimit), (error.File, error.Id));
            Assert.StartsWith("The script nested.csx is too deeply nested to compile:", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("ToString", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_script_killed_at_its_timeout_inside_a_call_that_never_checks_names_the_line_it_was_on()
    {
        using var pool = new ScriptWorkerPool(TestWorkers.Options(o => (o.MaxWorkers, o.WarmWorkers, o.KillGrace) = (1, 1, TimeSpan.FromSeconds(1))));
        var host = new TestHost(null, pool);
        var file = _folder.Write("backtrack.csx", "// a regex that backtracks for an hour\nvar text = new string('a', 64) + \"!\";\n" + HostileScripts.CatastrophicRegex + "\n");

        var result = await host.RunAsync(file, TimeSpan.FromSeconds(1));

        Assert.Equal(ScriptOutcome.TimedOut, result.Outcome);
        Assert.True(result.WorkerKilled);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((file, 3, ScriptDiagnosticIds.TimedOut), (error.File, error.Line, error.Id));
        Assert.Equal("The script ran past its 1 s timeout and did not stop (it was inside a call that never checks, in the statement that starts here), so the host killed its worker process.", error.Message);
    }
}
