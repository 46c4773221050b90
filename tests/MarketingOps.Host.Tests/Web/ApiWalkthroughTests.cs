using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Web;

/// <summary>
/// The walk-through of docs/api.md, run as its reader types it: the blocks marked <c>&lt;!-- walkthrough --&gt;</c>, in
/// order, as one bash script in an empty folder, with the real <c>mops</c> on the PATH and Debian's curl and jq. Only the
/// port changes (a free one instead of 5080, so tests run side by side), so the page cannot drift from the product.
/// </summary>
public sealed partial class ApiWalkthroughTests : IDisposable
{
    // The demo runs first (a cold script worker, two simulated weeks), then the host starts; a loaded machine is slow.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_walkthrough_in_docs_api_md_schedules_a_post_follows_it_to_published_over_events_and_reads_the_demos_report()
    {
        RequireTools("bash", "setsid", "curl", "jq");
        var blocks = WalkthroughBlocks(File.ReadAllText(Path.Combine(MopsProcess.RepositoryRoot, "docs", "api.md")));
        var script = string.Join("\n", blocks);
        foreach (var step in new[] { "mops demo", "mops users add", "mops tokens create", "mops run", "$API/events", "$API/posts", "/report" })
        {
            Assert.Contains(step, script, StringComparison.Ordinal);
        }

        // The page says 5080, the default; the test moves it to a free port and checks that the move happened.
        const string DefaultAddress = "127.0.0.1:5080";
        Assert.Contains(DefaultAddress, script, StringComparison.Ordinal);
        var address = "127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        script = script.Replace(DefaultAddress, address, StringComparison.Ordinal);

        var bin = Directory.CreateDirectory(Path.Combine(_folder.Root, "bin")).FullName;
        var mops = _folder.Write("bin/mops", $"#!/bin/sh\nexec dotnet {Quote(Path.Combine(AppContext.BaseDirectory, "mops.dll"))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(mops, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var log = Path.Combine(_folder.Root, "walkthrough.log");
        var group = Path.Combine(_folder.Root, "group");
        var work = Directory.CreateDirectory(Path.Combine(_folder.Root, "home")).FullName;
        var path = _folder.Write("walkthrough.sh", $"""
            set -euo pipefail
            echo $$ > {Quote(group)}
            exec > {Quote(log)} 2>&1
            export PATH={Quote(bin)}:"$PATH"
            cd {Quote(work)}
            {script}
            """);

        var info = new ProcessStartInfo("setsid") { WorkingDirectory = work, UseShellExecute = false, RedirectStandardInput = true };
        info.ArgumentList.Add("--wait");
        info.ArgumentList.Add("bash");
        info.ArgumentList.Add(path);
        info.Environment["MOPS_Web__Urls"] = "http://" + address;
        info.Environment["NO_COLOR"] = "1";
        using var bash = Process.Start(info)!;
        bash.StandardInput.Close(); // no one at the keyboard, as in CI
        int exit;
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await bash.WaitForExitAsync(timeout.Token);
            exit = bash.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the walk-through did not finish within {Patience.TotalMinutes} minutes:\n{Read(log)}{RunLog(work)}");
            throw;
        }
        finally
        {
            // The script's session: a host the script did not stop, and the events curl it left reading.
            KillGroup(group);
        }

        var output = Read(log);
        Assert.True(exit == 0, $"the walk-through failed (exit {exit}):\n{output}{RunLog(work)}");

        var scheduled = Scheduled().Match(output);
        Assert.True(scheduled.Success, output);
        var id = scheduled.Groups["id"].Value;
        Assert.Contains($$"""data: {"type":"post","id":"{{id}}","state":"Published","account":"demo-brand",""", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\S+  Scheduled  scheduled by ana \(api, token curl\) for ", output);
        Assert.Matches(@"(?m)^\S+  Published  published as ", output);
        Assert.Contains("\"name\": \"spring-launch-wording\"", output, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"Decided\"", output, StringComparison.Ordinal);
        Assert.Contains("\"winner\": \"benefit\"", output, StringComparison.Ordinal);

        var demo = Path.Combine(work, "walkthrough", "data", "demo");
        var html = File.ReadAllText(Path.Combine(demo, "spring-launch-wording.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("benefit", html, StringComparison.Ordinal);
        Assert.Contains("mops stopped", RunLog(work), StringComparison.Ordinal); // `kill %1` stopped the host cleanly
    }

    /// <summary>The bash blocks that follow a <c>&lt;!-- walkthrough --&gt;</c> line, in the page's order.</summary>
    private static List<string> WalkthroughBlocks(string markdown)
    {
        var blocks = Block().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["code"].Value).ToList();
        Assert.True(blocks.Count >= 5, $"docs/api.md has {blocks.Count} walk-through blocks; expected the six steps");
        return blocks;
    }

    private static void RequireTools(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var missing = tools.Where(t => !path.Any(p => File.Exists(Path.Combine(p, t)))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var reason = $"the walk-through of docs/api.md needs {string.Join(", ", missing)} on the PATH (.ci/run installs them from Debian's packages)";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(reason);
        }

        Assert.Skip("Test skipped: " + reason);
    }

    private static void KillGroup(string groupFile)
    {
        if (!File.Exists(groupFile) || !int.TryParse(File.ReadAllText(groupFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var group))
        {
            return;
        }

        // bash is its session's leader (setsid), so its id is the group's; an empty group is no error here.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", "-" + group.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
    }

    private static string RunLog(string work)
    {
        var log = Path.Combine(work, "walkthrough", "data", "demo", "run.log");
        return File.Exists(log) ? "\nrun.log:\n" + File.ReadAllText(log) : "";
    }

    private static string Read(string file) => File.Exists(file) ? File.ReadAllText(file, Encoding.UTF8) : "(no output)";

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^<!-- walkthrough -->\n```bash\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"(?m)^scheduled (?<id>[0-9a-f]{32})$")]
    private static partial Regex Scheduled();
}
