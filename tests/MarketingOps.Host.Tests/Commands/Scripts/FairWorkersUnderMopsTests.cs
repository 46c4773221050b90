using System.Diagnostics;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// Issue 11, found by the hostile-script walk-through: two slow but legal scheduled scripts held both workers and every
/// other scheduled script silently missed its runs. Under <c>mops run</c> with two workers, a benign script keeps its
/// cadence beside them, the slow ones' missed firings are logged and shown, and Ctrl+C stops the host promptly.
/// </summary>
public sealed class FairWorkersUnderMopsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly TempFolder _home = new();

    public FairWorkersUnderMopsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Two_slow_scheduled_scripts_leave_a_worker_for_the_benign_one_their_missed_runs_are_shown_and_ctrl_c_stops_promptly()
    {
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" }, "Scripting": { "MaxWorkers": 2, "LongRunAfter": "00:00:02" } }""");
        const string slow = "Log.LogInformation(\"slow run started\");\nawait Task.Delay(TimeSpan.FromSeconds(90), CancellationToken);\n1\n";
        _home.Write("scripts/slow1.csx", slow);
        _home.Write("scripts/slow2.csx", slow);
        _home.Write("scripts/tick.csx", "Print($\"tick {Now:HH:mm:ss}\");\n1\n");
        await ScheduleAsync("scripts/slow1.csx", "0/10 * * * * ?", "slow1", "--timeout", "120s");
        await ScheduleAsync("scripts/slow2.csx", "0/10 * * * * ?", "slow2", "--timeout", "120s");
        await ScheduleAsync("scripts/tick.csx", "0/2 * * * * ?", "tick");

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        await WaitForAsync(() => Task.FromResult(Count(run, "slow run started") >= 2 ? "both slow scripts run" : null), Patience);
        var ticksBefore = Count(run, "Scheduled script tick ran");
        var watch = Stopwatch.StartNew();
        await WaitForAsync(() => Task.FromResult(Count(run, "Scheduled script tick ran") >= ticksBefore + 6 ? "ticking" : null), TimeSpan.FromSeconds(60));
        var sixTicks = watch.Elapsed;
        await WaitForAsync(() => Task.FromResult(Count(run, "slow1 missed") >= 1 ? "missed" : null), Patience);
        var (_, listed, _) = await MopsProcess.RunAsync(_home.Root, "script", "scheduled");
        var (_, json, _) = await MopsProcess.RunAsync(_home.Root, "script", "scheduled", "--json");
        var stillSlow = Count(run, "Scheduled script slow1 ran") + Count(run, "Scheduled script slow2 ran") < 2;
        var stopping = Stopwatch.StartNew();
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stopped = stopping.Elapsed;

        var log = run.StandardOutput + run.StandardError;
        Assert.True(sixTicks < TimeSpan.FromSeconds(60), $"six ticks (due every 2 s) took {sixTicks} while the slow scripts ran:\n{log}");
        Assert.Contains("its previous run was still going", log, StringComparison.Ordinal);
        Assert.Matches(@"missed \d+ runs?, the last due .*: its previous run was still going", listed);
        var entry = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "slow1");
        Assert.True(entry.GetProperty("missedRuns").GetInt32() >= 1, json);
        Assert.True(exit == 0, $"exit {exit}:\n{log}");
        Assert.True(stillSlow, "a slow run should still be going when Ctrl+C comes");
        Assert.True(stopped < TimeSpan.FromSeconds(15), $"mops took {stopped} to stop while a slow script ran:\n{log}");
    }

    private static int Count(MopsProcess run, string text)
        => (run.StandardOutput + run.StandardError).Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private async Task ScheduleAsync(string file, string cron, string name, params string[] options)
    {
        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, ["script", "schedule", file, "--cron", cron, "--name", name, .. options]);
        Assert.True(exit == 0, error);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan patience)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"nothing after {patience}");
    }
}
