using System.Diagnostics;
using System.Text.Json;
using MarketingOps.Host.Cli.Resident;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// The resident mops process (issue 12, a CLI that answers in a blink): a call it serves answers exactly as the same
/// call in a process of its own, with the caller's folder, environment and client; calls at the same moment each run
/// once; a resident process that dies is replaced and loses nothing.
/// </summary>
public sealed class ResidentCliTests : IDisposable
{
    private readonly ResidentRuntime _runtime = new(); // this test's resident process alone
    private readonly TempFolder _home = new();

    public ResidentCliTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "bakery", "timeZone": "Europe/Paris" } ]""");
    }

    public void Dispose()
    {
        _runtime.Dispose();
        _home.Dispose();
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

    [Fact]
    public async Task A_call_the_resident_process_took_is_never_run_again_by_its_caller()
    {
        Assert.Equal(0, (await ResidentAsync("post", "list")).Exit);
        var pid = await WaitForResidentAsync();
        var socket = Directory.GetFiles(Path.Combine(_runtime.Root, "mops"), "*.pid").Single()[..^".pid".Length];
        using (var resident = Process.GetProcessById(pid))
        {
            resident.Kill();
            await resident.WaitForExitAsync();
        }

        // A stand-in at the socket that dies as a killed resident process would: after taking the call (the post may be
        // stored), before it says anything else. The caller must say the outcome is unknown, not schedule it itself.
        var text = "Olive bread on Sunday";
        var taken = await WithStandInAsync(socket, [5, 0, 0, 0, 0], () => ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-04-01 08:00", "--text", text));
        Assert.True(taken.Exit == 1, taken.Out + taken.Err);
        Assert.Contains("the resident mops process ended during this command; check its outcome", taken.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(text, (await OwnProcessAsync("post", "list")).Out, StringComparison.Ordinal);

        // Busy, or gone before taking it: nothing ran there, so the caller runs it itself, once.
        var busy = await WithStandInAsync(socket, [4, 0, 0, 0, 0], () => ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-04-02 08:00", "--text", text));
        Assert.True(busy.Exit == 0, busy.Err);
        var closed = await WithStandInAsync(socket, [], () => ResidentAsync("post", "schedule", "--account", "bakery", "--at", "2099-04-03 08:00", "--text", "Walnut loaf on Monday"));
        Assert.True(closed.Exit == 0, closed.Err);
        var listed = (await OwnProcessAsync("post", "list")).Out;
        Assert.Contains(text, listed, StringComparison.Ordinal);
        Assert.Contains("Walnut loaf on Monday", listed, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_callers_umask_applies_to_what_a_served_call_creates()
    {
        Assert.Equal(0, (await ResidentAsync("post", "list")).Exit); // a resident process with the tests' umask
        await WaitForResidentsAsync(1);

        // Two new clients scheduled under umask 077: the first starts a resident process of that umask, the second is
        // served by it; neither may get the other umask's world-readable files.
        foreach (var name in new[] { "private1", "private2" })
        {
            using var folder = new TempFolder();
            folder.WriteSandboxPluginsJson("{}", "[ { \"name\": \"" + name + "\", \"timeZone\": \"UTC\" } ]");
            var start = new ProcessStartInfo("sh") { WorkingDirectory = folder.Root, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-c", "umask 077 && exec dotnet \"$0\" \"$@\"", Path.Combine(AppContext.BaseDirectory, "mops.dll"), "post", "schedule", "--account", name, "--at", "2099-05-01 08:00", "--text", "Members' evening", "--verbose" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["MOPS_CLI_RESIDENT"] = "1";
            start.Environment["XDG_RUNTIME_DIR"] = _runtime.Root;
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await error);
            Assert.Equal(name == "private2", (await error).Contains("served by the resident mops process", StringComparison.Ordinal));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(folder.Root, "data")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder.Root, "data", "mops.db")));
            await WaitForResidentsAsync(2);
        }
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
    [InlineData(false, "post", "schedule", "--file", "/dev/stdin")] // paths that are another file in another process
    [InlineData(false, "post", "schedule", "--file=/dev/fd/63")]
    [InlineData(false, "post", "schedule", "--file", "../../../../../../../../proc/self/fd/3")]
    public void Only_short_calls_without_standard_input_are_served(bool served, params string[] arguments) =>
        Assert.Equal(served, ResidentCommands.Serves(arguments));

    private Task<(int Exit, string Out, string Err)> ResidentAsync(params string[] args) => ResidentInAsync(_home.Root, null, args);

    private Task<(int Exit, string Out, string Err)> OwnProcessAsync(params string[] args) => OwnProcessInAsync(_home.Root, args);

    private static Task<(int Exit, string Out, string Err)> OwnProcessInAsync(string folder, params string[] args) => OwnProcessWithAsync(folder, [], args);

    private static Task<(int Exit, string Out, string Err)> OwnProcessWithAsync(string folder, Dictionary<string, string> environment, params string[] args) =>
        ResidentRuntime.OwnProcessAsync(folder, environment, args);

    private Task<(int Exit, string Out, string Err)> ResidentInAsync(string folder, Dictionary<string, string>? environment, params string[] args) =>
        _runtime.ServedAsync(folder, environment, args);

    /// <summary>Runs <paramref name="call"/> while a stand-in listens at <paramref name="socket"/>, reads the request, answers <paramref name="frames"/> and closes.</summary>
    private static async Task<T> WithStandInAsync<T>(string socket, byte[] frames, Func<Task<T>> call)
    {
        File.Delete(socket);
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
        listener.Listen(4);
        var serve = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            await using var stream = new System.Net.Sockets.NetworkStream(connection);
            Assert.NotNull(ResidentRequest.ReadFrom(stream)); // all of it: a socket closed with unread data resets the caller's reads
            await stream.WriteAsync(frames);
        });
        var result = await call();
        await serve; // the call did reach the stand-in
        File.Delete(socket);
        return result;
    }

    private Task WaitForResidentsAsync(int count) => _runtime.WaitForResidentsAsync(count);

    private Task<int> WaitForResidentAsync(int? notPid = null) => _runtime.WaitForResidentAsync(notPid);

    private static long Triggers(string home) => ResidentRuntime.Triggers(home);
}
