using System.Diagnostics;

namespace MarketingOps.Host.Tests;

/// <summary>The tests' own signalling: what a test signals is the process it means, or nothing.</summary>
public sealed class ProcessSignalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_child_is_signalled_while_it_runs_and_never_after_it_ended()
    {
        using var sleeper = Sleeper(mark: "a");
        Assert.True(ProcessSignal.ToChild(sleeper, ProcessSignal.Interrupt));
        await sleeper.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(128 + ProcessSignal.Interrupt, sleeper.ExitCode);

        // Ended and reaped: its number may be anyone's now, so nothing is sent.
        Assert.False(ProcessSignal.ToChild(sleeper, ProcessSignal.Kill));
    }

    [Fact]
    public async Task A_process_known_by_number_is_signalled_only_while_it_holds_the_expected_environment()
    {
        using var other = Sleeper(mark: "someone-else");
        Assert.False(ProcessSignal.ToProcessWith(other.Id, "MOPS_TEST_MARK=ours", ProcessSignal.Kill));
        Assert.False(other.HasExited);

        Assert.True(ProcessSignal.ToProcessWith(other.Id, "MOPS_TEST_MARK=someone-else", ProcessSignal.Kill));
        await other.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(128 + ProcessSignal.Kill, other.ExitCode);
    }

    [Fact]
    public async Task End_asks_first_and_leaves_a_stranger_alone()
    {
        using var stranger = Sleeper(mark: "stranger");
        ProcessSignal.End(stranger.Id, "MOPS_TEST_MARK=ours", TimeSpan.Zero);

        // Still running, untouched: it ends by the interrupt sent now, not by a SIGTERM or SIGKILL from End.
        Assert.True(ProcessSignal.ToChild(stranger, ProcessSignal.Interrupt));
        await stranger.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(128 + ProcessSignal.Interrupt, stranger.ExitCode);

        using var ours = Sleeper(mark: "ours");
        ProcessSignal.End(ours.Id, "MOPS_TEST_MARK=ours", Patience);
        await ours.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(128 + ProcessSignal.Terminate, ours.ExitCode);
    }

    /// <summary>
    /// A shell waiting on its input with <paramref name="mark"/> in its environment, returned once it says so: until a
    /// child has executed its program (and while it executes another), /proc shows no environment or the one it was
    /// forked with, without the mark.
    /// </summary>
    private static Process Sleeper(string mark)
    {
        var info = new ProcessStartInfo("sh", ["-c", "echo ready; read line"]) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        info.Environment["MOPS_TEST_MARK"] = mark;
        var process = Process.Start(info)!;
        Assert.Equal("ready", process.StandardOutput.ReadLine());
        return process;
    }
}
