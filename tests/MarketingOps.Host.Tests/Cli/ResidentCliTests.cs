using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MarketingOps.Host.Cli.Resident;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// The resident mops process (issue 12, a CLI that answers in a blink): a call it serves answers exactly as the same
/// call in a process of its own, with the caller's folder, environment and client; calls at the same moment each run
/// once; a resident process that dies is replaced and loses nothing.
/// </summary>
public sealed class ResidentCliTests : IDisposable
{
    private readonly TempFolder _runtime = new(); // stands for $XDG_RUNTIME_DIR: this test's resident process alone
    private readonly TempFolder _home = new();

    public ResidentCliTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "bakery", "timeZone": "Europe/Paris" } ]""");
    }

    public void Dispose()
    {
        if (ResidentPid() is { } pid)
        {
            try
            {
                using var resident = Process.GetProcessById(pid);
                resident.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }

        _home.Dispose();
        _runtime.Dispose();
    }

    [Fact]
    public async Task A_served_call_answers_as_the_same_call_in_a_process_of_its_own()
    {
        var first = await ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-01-05 09:30", "--text", "Sourdough is back on Friday");
        Assert.True(first.Exit == 0, first.Err);
        var residentPid = await WaitForResidentAsync();

        // Proof that calls are served there: --verbose names the process.
        var verbose = await ResidentAsync("post", "list", "--verbose");
        Assert.Contains($"served by the resident mops process {residentPid}", verbose.Err, StringComparison.Ordinal);

        var served = await ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-01-06 09:30", "--text", "-5 °C today: hot chocolate 🍫 at the counter\n");
        Assert.True(served.Exit == 0, served.Err);
        var id = served.Out.Trim();
        Assert.Contains("Scheduled for 2099-01-06 09:30 Europe/Paris on bakery", served.Err, StringComparison.Ordinal);

        foreach (var call in new[]
        {
            new[] { "post", "list" },
            ["post", "list", "--json"],
            ["post", "show", id, "--json"],
            ["post", "list", "--account", "bakrey"],
            ["post", "list", "--jsn"],
            ["guardrails", "check", "--account", "bakery", "--text", "Sourdough is back on Friday"],
            ["guardrails", "check", "--account", "bakery", "--text", "Rye bread from the wood oven, this Saturday only"],
        })
        {
            var alone = await OwnProcessAsync(call);
            var resident = await ResidentAsync(call);
            Assert.True(alone == resident, $"{string.Join(' ', call)}: in its own process {alone}, served {resident}");
        }

        // The text was taken whole (a leading '-', the emoji, the newline kept as given by the caller's argument).
        var stored = JsonDocument.Parse((await OwnProcessAsync("post", "show", id, "--json")).Out).RootElement;
        Assert.Equal("-5 °C today: hot chocolate 🍫 at the counter\n", stored.GetProperty("post").GetProperty("text").GetString());
        Assert.Equal(2, Triggers(_home.Root));
    }

    [Fact]
    public async Task Each_call_runs_with_its_callers_folder_environment_and_client()
    {
        using var other = new TempFolder();
        other.WriteSandboxPluginsJson("{}", """[ { "name": "florist", "timeZone": "UTC" } ]""");
        Assert.Equal(0, (await ResidentAsync("post", "list")).Exit);
        await WaitForResidentAsync();

        // Relative paths are the caller's: --home given from the parent folder, and a call made inside each folder.
        var parent = Path.GetDirectoryName(other.Root)!;
        var florist = await ResidentInAsync(parent, null, "post", "schedule", "--home", Path.GetFileName(other.Root), "--account", "florist", "--at", "2099-02-01 08:00", "--text", "Tulips have arrived");
        Assert.True(florist.Exit == 0, florist.Err);
        var bakery = await ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-02-01 08:00", "--text", "Croissants until noon");
        Assert.True(bakery.Exit == 0, bakery.Err);

        Assert.Contains("Tulips have arrived", (await OwnProcessInAsync(other.Root, "post", "list")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Croissants", (await OwnProcessInAsync(other.Root, "post", "list")).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Tulips", (await OwnProcessAsync("post", "list")).Out, StringComparison.Ordinal);
        Assert.Equal(1, Triggers(other.Root)); // each post's trigger in its own client's schedule, none in the other's
        Assert.Equal(1, Triggers(_home.Root));

        // The caller's environment, not the one of the call before: settings that contradict each other are refused
        // (exit 3) for this call only.
        var contradicted = await ResidentInAsync(_home.Root, new() { ["MOPS_Storage__Kind"] = "Postgres" }, "post", "list");
        Assert.True(contradicted.Exit == 3, contradicted.Out + contradicted.Err);
        Assert.Equal(await OwnProcessWithAsync(_home.Root, new() { ["MOPS_Storage__Kind"] = "Postgres" }, "post", "list"), contradicted);
        var after = await ResidentAsync("post", "list");
        Assert.True(after.Exit == 0, after.Err);
        Assert.Contains("Croissants until noon", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_at_the_same_moment_each_run_once_and_a_resident_process_that_dies_is_replaced()
    {
        Assert.Equal(0, (await ResidentAsync("post", "list")).Exit);
        var firstPid = await WaitForResidentAsync();

        string[] texts = ["Rye on Monday", "Spelt loaves on Tuesday", "Brioche for Wednesday's breakfast", "Focaccia with rosemary on Thursday", "Baguettes all Friday", "Cinnamon buns on Saturday"];
        var calls = await Task.WhenAll(texts.Select((text, i) => ResidentAsync("post", "schedule", "--account", "bakery", "--at", $"2099-03-0{i + 1} 07:00", "--text", text)));
        Assert.All(calls, c => Assert.True(c.Exit == 0, c.Err));
        Assert.Equal(texts.Length, calls.Select(c => c.Out.Trim()).Distinct().Count());
        var listed = JsonDocument.Parse((await OwnProcessAsync("post", "list", "--json")).Out).RootElement.EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.Equal(texts.Order(), listed.Order());

        // Killed while idle (as an OOM killer would): the next call is answered, and starts a new resident process.
        using (var resident = Process.GetProcessById(firstPid))
        {
            resident.Kill();
            await resident.WaitForExitAsync();
        }

        var next = await ResidentAsync("post", "list", "--json");
        Assert.True(next.Exit == 0, next.Err);
        Assert.Equal(texts.Length, JsonDocument.Parse(next.Out).RootElement.GetArrayLength());
        var secondPid = await WaitForResidentAsync(notPid: firstPid);
        Assert.NotEqual(firstPid, secondPid);
        Assert.Contains($"served by the resident mops process {secondPid}", (await ResidentAsync("post", "list", "--verbose")).Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_option_value_is_named_as_in_a_process_of_its_own()
    {
        Assert.Equal(0, (await ResidentAsync("post", "list")).Exit);
        var residentPid = await WaitForResidentAsync();

        var served = await ResidentAsync("post", "list", "--limit", "x", "--verbose");
        var alone = await OwnProcessAsync("post", "list", "--limit", "x");

        // The option is found in the call's command line, not the resident process's own (which holds only its socket).
        Assert.Contains($"served by the resident mops process {residentPid}", served.Err, StringComparison.Ordinal);
        Assert.Equal(2, served.Exit);
        Assert.Contains("error: --limit: 'x' is not a whole number", served.Err, StringComparison.Ordinal);
        Assert.Equal((2, "error: --limit: 'x' is not a whole number (see `mops --help`)"), (alone.Exit, alone.Err.Trim()));
    }

    [Theory]
    [InlineData(true, "post", "list")]
    [InlineData(true, "--home", "acme", "post", "schedule", "--text", "x")]
    [InlineData(true, "--verbose", "guardrails", "check", "--text", "x")]
    [InlineData(false, "post", "schedule", "--file", "-")] // standard input stays with its process
    [InlineData(false, "post", "list", "--help")]
    [InlineData(false, "run")]
    [InlineData(false, "accounts", "connect", "bakery")] // prompts
    [InlineData(false, "script", "run", "a.csx", "--", "x")]
    [InlineData(false, "--json", "post", "list")] // an option before the command: the full parser says what it means
    public void Only_short_calls_without_standard_input_are_served(bool served, params string[] arguments) =>
        Assert.Equal(served, ResidentCommands.Serves(arguments));

    private Task<(int Exit, string Out, string Err)> ResidentAsync(params string[] args) => ResidentInAsync(_home.Root, null, args);

    private Task<(int Exit, string Out, string Err)> OwnProcessAsync(params string[] args) => OwnProcessInAsync(_home.Root, args);

    private Task<(int Exit, string Out, string Err)> OwnProcessInAsync(string folder, params string[] args) => OwnProcessWithAsync(folder, [], args);

    private Task<(int Exit, string Out, string Err)> OwnProcessWithAsync(string folder, Dictionary<string, string> environment, params string[] args) =>
        RunAsync(folder, new(environment) { ["MOPS_CLI_RESIDENT"] = "0" }, args);

    private Task<(int Exit, string Out, string Err)> ResidentInAsync(string folder, Dictionary<string, string>? environment, params string[] args) =>
        RunAsync(folder, new(environment ?? []) { ["MOPS_CLI_RESIDENT"] = "1", ["XDG_RUNTIME_DIR"] = _runtime.Root }, args);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(string folder, Dictionary<string, string> environment, string[] args)
    {
        using var mops = MopsProcess.Start(folder, environment, args);
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return (exit, mops.StandardOutput, mops.StandardError);
    }

    private int? ResidentPid()
    {
        var pidFile = Directory.Exists(Path.Combine(_runtime.Root, "mops")) ? Directory.GetFiles(Path.Combine(_runtime.Root, "mops"), "*.pid").SingleOrDefault() : null;
        try
        {
            return pidFile is null ? null : int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null; // being written or removed
        }
    }

    /// <summary>Waits until the resident process the last call started listens (it writes its pid once bound).</summary>
    private async Task<int> WaitForResidentAsync(int? notPid = null)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (ResidentPid() is { } pid && pid != notPid)
            {
                return pid;
            }

            await Task.Delay(20, patience.Token);
        }
    }

    private static long Triggers(string home)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(home, "data", "schedule.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS";
        return (long)command.ExecuteScalar()!;
    }
}
