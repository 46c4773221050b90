using System.Globalization;
using System.Text.Json;
using MarketingOps.Scripting.Tests.Workers;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>
/// Issue 11's attacks through the real executable: under <c>mops script run</c> each ends with a clear error (never the
/// runtime killing mops itself), and under <c>mops run</c> the host lives on, a benign scheduled script keeps its
/// cadence, a control post is published on time, and a script that killed its worker three times is paused.
/// </summary>
public sealed class HostileScriptsUnderMopsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly TempFolder _home = new();

    public HostileScriptsUnderMopsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    public static TheoryData<string, string, string> UnderScriptRun => new()
    {
        { "stack overflow in a tuple's ToString", HostileScripts.TupleToString, "error MOPS104: The script overflowed the stack" },
        { "stack overflow in a self-referencing record's hash", HostileScripts.SelfReferencingRecordHash, "error MOPS104: The script overflowed the stack" },
        { "a deadlock", HostileScripts.LazyDeadlock, "error MOPS101: The script ran past its 4 s timeout and did not stop" },
        { "a memory bomb", HostileScripts.MemoryBomb, "error MOPS10" }, // out of memory, or stopped (or, on a loaded machine, killed) at its timeout while filling 1 GB
        { "a flood of log lines", HostileScripts.LogFlood, "error MOPS10" },
    };

    [Theory]
    [MemberData(nameof(UnderScriptRun))]
    public async Task Script_run_ends_a_hostile_script_with_a_clear_error_and_mops_exits_normally(string name, string source, string expected)
    {
        _home.Write("scripts/hostile.csx", source + "\n");

        var (exit, _, error) = await Mops("script", "run", "scripts/hostile.csx", "--timeout", "4s");

        Assert.True(exit == 1, $"{name}: exit {exit}\n{error}");
        Assert.Contains("scripts/hostile.csx", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_lives_through_hostile_scheduled_scripts_keeps_the_benign_ones_cadence_publishes_on_time_and_pauses_the_killer()
    {
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" }, "Scripting": { "MaxWorkers": 2 } }""");
        _home.Write("scripts/tick.csx", "Print($\"tick {Now:HH:mm:ss}\");\n1\n");
        _home.Write("scripts/overflow.csx", HostileScripts.TupleHashCode + "\n");
        _home.Write("scripts/deadlock.csx", HostileScripts.LazyDeadlock + "\n");
        await ScheduleAsync("scripts/tick.csx", "0/2 * * * * ?", "tick");
        await ScheduleAsync("scripts/overflow.csx", "0/3 * * * * ?", "overflow");
        await ScheduleAsync("scripts/deadlock.csx", "0/5 * * * * ?", "deadlock", "--timeout", "3s");
        var controlAt = TimeProvider.System.GetUtcNow().AddSeconds(45);
        var (scheduled, controlId, scheduleError) = await Mops("post", "schedule", "--account", "acme", "--at", controlAt.ToString("O", CultureInfo.InvariantCulture), "--text", "The control post, on time");
        Assert.True(scheduled == 0, scheduleError);

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        var published = await WaitForAsync(async () =>
        {
            var (_, json, _) = await Mops("post", "show", controlId.Trim(), "--json");
            var history = JsonDocument.Parse(json).RootElement.GetProperty("history").EnumerateArray();
            return history.FirstOrDefault(h => h.GetProperty("to").GetString() == "Published") is { ValueKind: JsonValueKind.Object } step ? (DateTimeOffset?)step.GetProperty("at").GetDateTimeOffset() : null;
        });
        var paused = await WaitForAsync(async () =>
        {
            var (_, json, _) = await Mops("script", "scheduled", "--json");
            var entry = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "overflow");
            return entry.TryGetProperty("paused", out var reason) ? reason.GetString() : null;
        });
        var ticksWhilePaused = CountTicks(run.StandardOutput + run.StandardError);
        await run.WaitForOutputAsync($"Scheduled script tick ran", Patience);
        await WaitForAsync(() => Task.FromResult(CountTicks(run.StandardOutput + run.StandardError) >= ticksWhilePaused + 3 ? "ticking" : null));
        var (_, listed, _) = await Mops("script", "scheduled");
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var log = run.StandardOutput + run.StandardError;
        Assert.Equal(0, exit);
        Assert.True(published - controlAt < TimeSpan.FromSeconds(15), $"the control post due at {controlAt:O} was published at {published:O}");
        Assert.Contains("overflowed the stack", paused, StringComparison.Ordinal);
        Assert.Contains("PAUSED", listed, StringComparison.Ordinal);
        Assert.Contains("mops script resume overflow", listed, StringComparison.Ordinal);
        Assert.True(CountTicks(log) >= 5, $"the benign script ran {CountTicks(log)} times:\n{log}");
        Assert.Contains("Scheduled script overflow ended Crashed", log, StringComparison.Ordinal);
        Assert.Contains("Scheduled script deadlock ended TimedOut", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_script_swapped_for_one_that_kills_the_compiler_is_paused_after_three_firings()
    {
        // Checked when scheduled, then swapped: each firing now costs a compiler worker, as a compile bomb's would.
        _home.Write("mops.json", """{ "Scheduling": { "PollInterval": "00:00:01" } }""");
        _home.Write("scripts/swap.csx", "1\n");
        await ScheduleAsync("scripts/swap.csx", "0/2 * * * * ?", "swap");
        _home.Write("scripts/swap.csx", "var x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + ";\n");

        using var run = MopsProcess.Start(_home.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        var paused = await WaitForAsync(async () =>
        {
            var (_, json, _) = await Mops("script", "scheduled", "--json");
            var entry = JsonDocument.Parse(json).RootElement.EnumerateArray().Single();
            return entry.TryGetProperty("paused", out var reason) ? reason.GetString() : null;
        });
        run.Interrupt();
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var log = run.StandardOutput + run.StandardError;
        Assert.Equal(0, exit);
        Assert.StartsWith("its worker died or had to be killed 3 runs in a row; last: The script swap.csx is too deeply nested to compile", paused, StringComparison.Ordinal);
        Assert.Equal(3, log.Split('\n').Count(l => l.Contains("Scheduled script swap ended Refused", StringComparison.Ordinal)));
    }

    private static int CountTicks(string log) => log.Split('\n').Count(l => l.Contains("Scheduled script tick ran", StringComparison.Ordinal));

    private async Task ScheduleAsync(string file, string cron, string name, params string[] options)
    {
        var (exit, _, error) = await Mops(["script", "schedule", file, "--cron", cron, "--name", name, .. options]);
        Assert.True(exit == 0, error);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"nothing after {Patience}");
    }
}
