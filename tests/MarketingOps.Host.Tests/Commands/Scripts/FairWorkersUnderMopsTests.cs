using System.Diagnostics;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// Issue 11, found by the hostile-script walk-through and again by the red team: slow but legal scheduled scripts took
/// every worker (five of them, with a pool of three, took the one more that starts for quick runs too) and every other
/// scheduled script missed its runs until their timeouts. Under <c>mops run</c> with three workers, five slow scripts
/// scheduled while the host runs (no restart) hold what new and slow scripts may hold, a quick script keeps its cadence
/// beside them, <c>mops script scheduled</c> says why the slow ones wait, and Ctrl+C stops the host promptly.
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
    public async Task Five_slow_scripts_scheduled_while_mops_runs_leave_a_worker_to_the_quick_one_say_why_they_wait_and_ctrl_c_stops_promptly()
    {
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" }, "Scripting": { "MaxWorkers": 3, "LongRunAfter": "00:00:02" } }""");
        const string slow = "Log.LogInformation(\"slow run started\");\nawait Task.Delay(TimeSpan.FromHours(1), CancellationToken);\n1\n";
        _home.Write("scripts/tick.csx", "Print($\"tick {Now:HH:mm:ss}\");\n1\n");
        await ScheduleAsync("scripts/tick.csx", "0/2 * * * * ?", "tick");

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        // The quick script earns its record: a run that finished within LongRunAfter (and, had its first run on a cold
        // worker grown long, five more since, which the runner remembers).
        await WaitForAsync(() => Task.FromResult(Entry("tick") is { } tick && tick.TryGetProperty("lastRunQuick", out var quick) && quick.GetBoolean() && Count(run, "Scheduled script tick ran") >= 6 ? "quick" : null), Patience);

        for (var i = 1; i <= 5; i++)
        {
            _home.Write($"scripts/slow{i}.csx", slow);
            await ScheduleAsync($"scripts/slow{i}.csx", "0/3 * * * * ?", $"slow{i}", "--timeout", "1h");
        }

        // Scheduled while the host runs: they fire without a restart. Two share two workers, one tries the last, and the
        // other two wait for a worker, their firings missed, while every slow run goes on.
        await WaitForAsync(() => Task.FromResult(Count(run, "slow run started") >= 3 ? "three slow runs" : null), Patience);
        await WaitForAsync(() => Task.FromResult(Enumerable.Range(1, 5).Count(i => Reason($"slow{i}")?.Contains("still waiting for a worker", StringComparison.Ordinal) == true) >= 2 ? "two waiting" : null), Patience);
        var ticksBefore = Count(run, "Scheduled script tick ran");
        await WaitForAsync(() => Task.FromResult(Count(run, "Scheduled script tick ran") >= ticksBefore + 5 ? "ticking" : null), Patience);
        var slowStarted = Count(run, "slow run started");
        var slowEnded = Count(run, "Scheduled script slow", " ran in ") + Count(run, "Scheduled script slow", " ended ");
        var (_, listed, _) = await MopsProcess.RunAsync(_home.Root, "script", "scheduled");
        var (_, json, _) = await MopsProcess.RunAsync(_home.Root, "script", "scheduled", "--json");
        var (unscheduleExit, _, unscheduleError) = await MopsProcess.RunAsync(_home.Root, "script", "unschedule", "slow5");
        await run.WaitForOutputAsync("Recurring work script:slow5 is no longer scheduled", Patience);
        var stopping = Stopwatch.StartNew();
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stopped = stopping.Elapsed;

        var log = run.StandardOutput + run.StandardError;
        Assert.True(slowStarted == 3, $"{slowStarted} slow runs started; new and slow scripts may hold two workers and try the last one, one at a time:\n{log}");
        Assert.True(slowEnded == 0, $"a slow run ended before the quick script's five runs, so they were not all running:\n{log}");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains($"Recurring work script:slow{i} scheduled on '0/3 * * * * ?' (UTC) while the host runs", log, StringComparison.Ordinal);
        }

        Assert.Matches(@"missed \d+ runs?, the last due .*: its previous run was still going \(due .*, running since", listed);
        Assert.Matches(@"slow[45] .*\n.*\n.*missed \d+ runs?, the last due .*: its previous run was still waiting for a worker \(due [^)]*\): it has no record of finishing within 2 s, so it shares 2 of the 3 workers with slow scripts \(held by [^)]*\) and may try the last one only when it is free and no other new script is trying it \(now: slow\d\)", listed);
        Assert.Matches(@"tick .*\n.*: quick, so its next run may take any worker", listed);
        var entries = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.True(entries["tick"].GetProperty("lastRunQuick").GetBoolean(), json);
        Assert.False(entries["tick"].TryGetProperty("missedRuns", out _) && entries["tick"].GetProperty("lastMissedReason").GetString()!.Contains("no record", StringComparison.Ordinal), json);
        Assert.Equal(2, entries.Values.Count(e => e.TryGetProperty("lastMissedReason", out var why) && why.GetString()!.Contains("still waiting for a worker", StringComparison.Ordinal)));
        Assert.True(unscheduleExit == 0, unscheduleError);
        Assert.True(exit == 0, $"exit {exit}:\n{log}");
        Assert.True(stopped < TimeSpan.FromSeconds(15), $"mops took {stopped} to stop while slow scripts ran:\n{log}");
    }

    [Fact]
    public async Task A_script_unscheduled_while_its_run_waits_for_a_worker_does_not_run_when_the_worker_frees()
    {
        // One worker, held by a script until its 45 s timeout: the margin the steps below need on a loaded machine.
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" }, "Scripting": { "MaxWorkers": 1 } }""");
        _home.Write("scripts/hold.csx", "Log.LogInformation(\"hold run started\");\nawait Task.Delay(TimeSpan.FromHours(1), CancellationToken);\n1\n");
        _home.Write("scripts/victim.csx", "Print(\"victim ran\");\n1\n");
        await ScheduleAsync("scripts/hold.csx", "0/2 * * * * ?", "hold", "--timeout", "45s");

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("hold run started", Patience);
        await ScheduleAsync("scripts/victim.csx", "* * * * * ?", "victim");
        await WaitForAsync(() => Task.FromResult(Reason("victim")?.Contains("still waiting for a worker", StringComparison.Ordinal) == true ? "waiting" : null), Patience);
        var (unscheduleExit, _, unscheduleError) = await MopsProcess.RunAsync(_home.Root, "script", "unschedule", "victim");
        await run.WaitForOutputAsync("Scheduled script victim was unscheduled while its run waited for a worker; that run did not start", Patience);
        await run.WaitForOutputAsync("Scheduled script hold ended TimedOut", Patience);
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var log = run.StandardOutput + run.StandardError;
        Assert.True(unscheduleExit == 0, unscheduleError);
        Assert.DoesNotContain("victim ran", log, StringComparison.Ordinal);
        Assert.True(exit == 0, $"exit {exit}:\n{log}");
    }

    private string? Reason(string name) => Entry(name) is { } entry && entry.TryGetProperty("lastMissedReason", out var why) ? why.GetString() : null;

    private JsonElement? Entry(string name)
    {
        try
        {
            var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_home.Root, "scripts.json")));
            return document.RootElement.GetProperty("scheduled").EnumerateArray().FirstOrDefault(e => e.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found ? found.Clone() : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null; // being written
        }
    }

    private static int Count(MopsProcess run, string text, string? also = null)
        => (run.StandardOutput + run.StandardError).Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal) && (also is null || l.Contains(also, StringComparison.Ordinal)));

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
