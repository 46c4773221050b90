using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Packaging.Tests;

/// <summary>The mops .NET tool, installed from the packed package into a temporary tool path and run from empty folders outside the repository.</summary>
public sealed class ToolTests(PackedFeed feed)
{
    [Fact]
    public async Task Acceptance_an_agency_installs_mops_creates_a_client_folder_checks_schedules_and_runs_it_to_a_published_post()
    {
        var mops = await MopsTool.InstallAsync(feed);
        var empty = feed.NewFolder("agency");
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));

        // The short calls as a user gets them, through the resident process; it is this test's and stops with it.
        using var resident = new ResidentRuntime(feed);
        var daytime = resident.With(DaytimeZone());

        var init = await Shell.RunAsync(empty, mops, ["init", "acme", "--platform", "sandbox"], daytime);
        Assert.Contains("next steps:", init, StringComparison.Ordinal);
        Assert.DoesNotContain(PackedFeed.RepositoryRoot, File.ReadAllText(Path.Combine(empty, "acme", "plugins.json")), StringComparison.Ordinal);

        var check = await Shell.RunAsync(empty, mops, ["plugins", "check", "--home", "acme"], daytime);
        Assert.Contains("ok: 1 plugin(s) checked, 1 active", check, StringComparison.Ordinal);

        var at = TimeProvider.System.GetUtcNow().AddSeconds(20).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var scheduled = await Shell.RunAsync(empty, mops, ["post", "schedule", "--account", "acme", "--at", at, "--text", "Hello from a client folder outside the repository", "--home", "acme"], daytime);
        var postId = scheduled.Split('\n').Select(l => l.Trim()).First(l => l.Length == 32 && l.All(char.IsAsciiHexDigit));

        // Its HTTP API on a free port: 5080, the default, may be another client's on this machine.
        using (var run = Shell.Start(empty, mops, ["run", "--home", "acme"], new Dictionary<string, string>(daytime) { ["MOPS_Web__Urls"] = "http://127.0.0.1:0" }))
        {
            await run.WaitForOutputAsync("mops is running", TimeSpan.FromMinutes(2));
            await run.WaitForOutputAsync($"Post {postId} of acme: Publishing -> Published", TimeSpan.FromMinutes(3));
            run.Interrupt();
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.DoesNotContain(": Active null", run.Output, StringComparison.Ordinal);
        }

        var served = await Shell.RunAsync(empty, mops, ["post", "list", "--home", "acme", "--verbose"], daytime);
        Assert.Contains($"served by the resident mops process {Assert.Single(resident.Pids())}", served, StringComparison.Ordinal);
        var shown = await Shell.RunAsync(empty, mops, ["post", "list", "--json", "--home", "acme"], daytime);
        using var posts = JsonDocument.Parse(shown[shown.IndexOf('[', StringComparison.Ordinal)..]);
        var post = Assert.Single(posts.RootElement.EnumerateArray());
        Assert.Equal("Published", post.GetProperty("state").GetString());
        Assert.StartsWith("https://sandbox.invalid/@acme/", post.GetProperty("platformUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_runs_in_an_empty_folder_outside_the_repository()
    {
        var mops = await MopsTool.InstallAsync(feed);
        var empty = feed.NewFolder("demo");

        var output = await Shell.RunAsync(empty, mops, ["demo"], timeoutSeconds: 240);

        Assert.Contains("wins; lift of", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "data", "demo", "report.html")));
        Assert.True(File.Exists(Path.Combine(empty, "data", "demo", "scripts", "ab-two-variants.csx")), "the demo's script came from inside mops");
    }

    // Guardrails hold posts in the client's quiet hours (22:00-07:00): the accounts mops init creates take this
    // machine's zone, so the test runs the tool in a zone where it is early afternoon now.
    internal static Dictionary<string, string> DaytimeZone()
    {
        var hoursAhead = (14 - TimeProvider.System.GetUtcNow().Hour + 24) % 24;
        hoursAhead = hoursAhead > 12 ? hoursAhead - 24 : hoursAhead;
        var zone = hoursAhead switch
        {
            0 => "Etc/UTC",
            > 0 => $"Etc/GMT-{hoursAhead}",
            _ => $"Etc/GMT+{-hoursAhead}",
        };
        return new Dictionary<string, string> { ["TZ"] = zone };
    }
}
