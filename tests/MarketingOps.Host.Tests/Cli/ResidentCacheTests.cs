using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// What the resident process keeps of a client folder between calls (its plugins' load contexts, the standby Quartz
/// scheduler that writes triggers) is used only while what it came from is unchanged, is never shared by two folders,
/// and writes triggers that fire. The probe plugin's verdict names its build, its load context and how many drafts that
/// context has checked.
/// </summary>
public sealed partial class ResidentCacheTests : IDisposable
{
    private readonly ResidentRuntime _runtime = new();
    private readonly TempFolder _home = new();
    private readonly string _plugin;

    public ResidentCacheTests()
    {
        // A copy of the probe of this client's own, so the test can rebuild it.
        _plugin = Path.Combine(_home.Root, "probe-build");
        var built = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Testing.ContextProbePlugin");
        Directory.CreateDirectory(_plugin);
        foreach (var file in Directory.GetFiles(built))
        {
            File.Copy(file, Path.Combine(_plugin, Path.GetFileName(file)));
        }

        WritePluginsJson(_home, "kiosk");
    }

    public void Dispose()
    {
        _runtime.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task A_plugins_context_is_kept_between_served_calls_until_the_plugin_is_rebuilt_or_plugins_json_changes()
    {
        Assert.Equal(0, (await _runtime.ServedAsync(_home.Root, null, "post", "list")).Exit);
        await _runtime.WaitForResidentAsync();

        // Kept: the second served call runs in the context the first loaded.
        var first = await ProbeAsync(_home, "kiosk");
        var second = await ProbeAsync(_home, "kiosk");
        Assert.Equal((1, first.Context, first.Checks + 1), (second.Edition, second.Context, second.Checks));

        // Rebuilt between two calls (the assembly's text changed, as a new build's would): the new build, in a new context.
        Rebuild("probe edition 1,", "probe edition 2,");
        var rebuilt = await ProbeAsync(_home, "kiosk");
        Assert.Equal(2, rebuilt.Edition);
        Assert.NotEqual(second.Context, rebuilt.Context);
        Assert.Equal(1, rebuilt.Checks);

        // plugins.json changed (another account): a new context too.
        WritePluginsJson(_home, "kiosk", "stall");
        var changed = await ProbeAsync(_home, "stall");
        Assert.NotEqual(rebuilt.Context, changed.Context);
        Assert.Equal((2, 1), (changed.Edition, changed.Checks));
        Assert.Equal((2, changed.Context, 2), await ProbeAsync(_home, "kiosk"));
    }

    [Fact]
    public async Task Two_client_folders_never_share_a_plugins_context()
    {
        using var other = new TempFolder();
        WritePluginsJson(other, "florist");
        Assert.Equal(0, (await _runtime.ServedAsync(_home.Root, null, "post", "list")).Exit);
        await _runtime.WaitForResidentAsync();

        // Both clients load the same plugin files through one resident process.
        var bakery = await ProbeAsync(_home, "kiosk");
        var florist = await ProbeAsync(other, "florist");
        var bakeryAgain = await ProbeAsync(_home, "kiosk");
        var floristAgain = await ProbeAsync(other, "florist");

        Assert.NotEqual(bakery.Context, florist.Context);
        Assert.Equal((bakery.Context, bakery.Checks + 1), (bakeryAgain.Context, bakeryAgain.Checks));
        Assert.Equal((florist.Context, 1, 2), (floristAgain.Context, florist.Checks, floristAgain.Checks));
    }

    [Fact]
    public async Task A_trigger_a_served_call_wrote_fires_in_mops_run()
    {
        using var client = new TempFolder();
        var zone = DaytimeZone(); // guardrails hold posts in the account's quiet hours (22:00-07:00)
        client.WriteSandboxPluginsJson("{}", $$"""[ { "name": "bakery", "timeZone": "{{zone}}" } ]""");
        Assert.Equal(0, (await _runtime.ServedAsync(client.Root, null, "post", "list")).Exit);
        await _runtime.WaitForResidentAsync();

        // Two served calls: the second is written by the scheduler the first built and the process kept.
        var ids = new List<string>();
        foreach (var (text, seconds) in new[] { ("Sourdough is out of the oven", 5), ("Rye loaves are out of the oven", 6) })
        {
            var at = TimeProvider.System.GetUtcNow().AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var served = await _runtime.ServedAsync(client.Root, null, "post", "schedule", "--account", "bakery", "--at", at, "--text", text, "--verbose");
            Assert.True(served.Exit == 0, served.Err);
            Assert.Contains("served by the resident mops process", served.Err, StringComparison.Ordinal);
            ids.Add(served.Out.Trim().Split('\n')[^1].Trim());
        }

        // The engine finds both triggers as written (none restored from the posts' store) and each fires once.
        using var run = MopsProcess.Start(client.Root, "run", "--no-web");
        await run.WaitForOutputAsync(" triggers restored", TimeSpan.FromSeconds(90));
        Assert.Contains("0 interrupted posts reconciled, 0 triggers restored", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            await run.WaitForOutputAsync($"Post {id} of bakery: Publishing -> Published", TimeSpan.FromSeconds(90));
        }

        run.Interrupt();
        Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_client_folder_made_again_between_two_served_calls_gets_its_schedule_made_again()
    {
        using var client = new TempFolder();
        client.WriteSandboxPluginsJson("{}", """[ { "name": "bakery", "timeZone": "UTC" } ]""");
        Assert.Equal(0, (await _runtime.ServedAsync(client.Root, null, "post", "list")).Exit);
        await _runtime.WaitForResidentAsync();
        var kept = await _runtime.ServedAsync(client.Root, null, "post", "schedule", "--account", "bakery", "--at", "2099-07-01 08:00", "--text", "Croissants until noon", "--verbose");
        Assert.True(kept.Exit == 0, kept.Err);
        Assert.Contains("served by the resident mops process", kept.Err, StringComparison.Ordinal);

        // The schedule the kept scheduler wrote to is gone with its folder; the next call's trigger needs new tables.
        Directory.Delete(Path.Combine(client.Root, "data"), recursive: true);
        var again = await _runtime.ServedAsync(client.Root, null, "post", "schedule", "--account", "bakery", "--at", "2099-07-02 08:00", "--text", "Brioche until noon", "--verbose");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("served by the resident mops process", again.Err, StringComparison.Ordinal);
        Assert.Equal(1, ResidentRuntime.Triggers(client.Root));
    }

    private void WritePluginsJson(TempFolder folder, params string[] accounts)
    {
        var entries = string.Join(", ", accounts.Select(a => $$"""{ "name": "{{a}}", "timeZone": "UTC" }"""));
        folder.Write("plugins.json", $$"""{ "plugins": [ { "id": "probe", "path": {{System.Text.Json.JsonSerializer.Serialize(_plugin)}}, "settings": {}, "accounts": [ {{entries}} ] } ] }""");
    }

    private async Task<(int Edition, string Context, int Checks)> ProbeAsync(TempFolder folder, string account)
    {
        var (exit, output, error) = await _runtime.ServedAsync(folder.Root, null, "guardrails", "check", "--account", account, "--text", "Open until six today", "--json", "--verbose");
        Assert.True(exit == 1, output + error); // the probe refuses every draft
        Assert.Contains("served by the resident mops process", error, StringComparison.Ordinal);
        var verdict = Verdict().Match(output);
        Assert.True(verdict.Success, output);
        return (int.Parse(verdict.Groups["edition"].Value, CultureInfo.InvariantCulture), verdict.Groups["context"].Value, int.Parse(verdict.Groups["checks"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Changes a text of the probe's assembly in place (its user strings are UTF-16), as a rebuild of changed code would.</summary>
    private void Rebuild(string from, string to)
    {
        var assembly = Path.Combine(_plugin, "MarketingOps.Testing.ContextProbePlugin.dll");
        var bytes = File.ReadAllBytes(assembly);
        var (old, fresh) = (Encoding.Unicode.GetBytes(from), Encoding.Unicode.GetBytes(to));
        var at = bytes.AsSpan().IndexOf(old);
        Assert.True(at >= 0 && old.Length == fresh.Length, $"'{from}' is not in the probe's assembly");
        fresh.CopyTo(bytes, at);
        File.WriteAllBytes(assembly, bytes);
    }

    // A fixed zone where it is early afternoon now.
    private static string DaytimeZone()
    {
        var hoursAhead = (14 - TimeProvider.System.GetUtcNow().Hour + 24) % 24;
        hoursAhead = hoursAhead > 12 ? hoursAhead - 24 : hoursAhead;
        return hoursAhead switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{hoursAhead}",
            _ => $"Etc/GMT+{-hoursAhead}",
        };
    }

    [GeneratedRegex(@"probe edition (?<edition>\d+), context (?<context>[0-9a-f]{32}) \([^)]*\), check (?<checks>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Verdict();
}
