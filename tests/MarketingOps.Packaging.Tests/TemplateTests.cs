using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MarketingOps.Packaging.Tests;

/// <summary>
/// A plugin author's first hour, from an empty folder outside the repository: install the template package, create a
/// plugin, build it against the packed SDK, run its tests (the conformance kit, for a platform), install it into a
/// client folder made by the packed mops tool and find it Active there.
/// </summary>
public sealed partial class TemplateTests(PackedFeed feed)
{
    [Fact]
    public async Task A_plugin_made_with_mops_platform_passes_its_conformance_tests_and_publishes_from_a_client_folder()
    {
        var environment = await PluginTemplates.InstallAsync(feed);
        var author = PluginTemplates.NewAuthorFolder(feed, "platform");
        Assert.Empty(Directory.EnumerateFileSystemEntries(author));

        var created = await Shell.RunAsync(author, "dotnet", ["new", "mops-platform", "-n", "Acme.Social"], environment);
        Assert.Contains("was created successfully", created, StringComparison.Ordinal);
        var project = Path.Combine(author, "Acme.Social");
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "src", "Acme.Social", "plugin.json"))))
        {
            Assert.Equal("acme-social", manifest.RootElement.GetProperty("id").GetString());
        }

        var tested = await Shell.RunAsync(project, "dotnet", ["test", "-v", "q", "-nologo"], environment, timeoutSeconds: 600);
        var (passed, failed, skipped) = Summary(tested);
        Assert.True(failed == 0 && passed >= 10, $"expected the kit's checks and the plugin's own tests to pass:\n{tested}");
        Assert.Equal(1, skipped); // threads: the plugin declares no Replies
        var output = Path.Combine(project, "src", "Acme.Social", "bin", "Debug", "net10.0");
        Assert.False(File.Exists(Path.Combine(output, "MarketingOps.Sdk.dll")), "the host provides the SDK; the plugin's build output must not carry a copy");

        var mops = await MopsTool.InstallAsync(feed);
        var daytime = ToolTests.DaytimeZone();
        var agency = feed.NewFolder("platform-client");
        await Shell.RunAsync(agency, mops, ["init", "shop", "--platform", "sandbox"], daytime);
        var installed = await Shell.RunAsync(agency, mops, ["plugins", "install", output, "--home", "shop"], daytime);
        Assert.Contains("installed acme-social 1.0.0 (platform", installed, StringComparison.Ordinal);
        Assert.Equal("Active", await StatusAsync(mops, agency, "shop", "acme-social", daytime));

        // An account on the new platform and its token, as the install's next steps say, then one post through the host.
        AddAccount(Path.Combine(agency, "shop", "plugins.json"), "acme-social", "shop-social", daytime["TZ"]);
        using (var secret = Shell.Start(agency, mops, ["secrets", "set", "acme-social/shop-social/token", "--home", "shop"], daytime))
        {
            secret.WriteInputAndClose("token-of-the-test");
            Assert.True(await secret.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, secret.Output);
        }

        var tried = await Shell.RunAsync(agency, mops, ["plugins", "try", "acme-social", "--account", "shop-social", "--publish", "--json", "--home", "shop"], daytime);
        using var report = JsonDocument.Parse(tried[tried.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.True(report.RootElement.GetProperty("validation").GetProperty("valid").GetBoolean(), tried);
        Assert.Equal("Published", report.RootElement.GetProperty("publish").GetProperty("state").GetString());
        Assert.Equal("Found", report.RootElement.GetProperty("lookup").GetProperty("status").GetString());
        Assert.StartsWith("https://acme-social.invalid/@shop-social/", report.RootElement.GetProperty("publish").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_made_with_mops_workflow_passes_its_tests_and_its_package_installs_Active()
    {
        var environment = await PluginTemplates.InstallAsync(feed);
        var author = PluginTemplates.NewAuthorFolder(feed, "workflow");

        await Shell.RunAsync(author, "dotnet", ["new", "mops-workflow", "-n", "Acme.Questions", "--id", "questions"], environment);
        var project = Path.Combine(author, "Acme.Questions");
        var tested = await Shell.RunAsync(project, "dotnet", ["test", "-v", "q", "-nologo"], environment, timeoutSeconds: 600);
        var (passed, failed, _) = Summary(tested);
        Assert.True(failed == 0 && passed >= 3, tested);

        // Packed as mops plugins install takes it: the build output under plugin/ (of the Debug build dotnet test made).
        var packages = Path.Combine(author, "packages");
        await Shell.RunAsync(project, "dotnet", ["pack", Path.Combine("src", "Acme.Questions"), "--no-build", "-c", "Debug", "-o", packages, "-v", "q", "-nologo"], environment);
        var package = Assert.Single(Directory.GetFiles(packages, "*.nupkg"));

        var mops = await MopsTool.InstallAsync(feed);
        var agency = feed.NewFolder("workflow-client");
        await Shell.RunAsync(agency, mops, ["init", "shop", "--platform", "sandbox"]);
        var installed = await Shell.RunAsync(agency, mops, ["plugins", "install", package, "--home", "shop"]);
        Assert.Contains("installed questions 1.0.0 (workflow", installed, StringComparison.Ordinal);
        var check = await Shell.RunAsync(agency, mops, ["plugins", "check", "--home", "shop"]);
        Assert.Contains("ok: 2 plugin(s) checked, 2 active", check, StringComparison.Ordinal);
        Assert.Equal("Active", await StatusAsync(mops, agency, "shop", "questions", new Dictionary<string, string>()));
    }

    private static async Task<string?> StatusAsync(string mops, string folder, string home, string id, IReadOnlyDictionary<string, string> environment)
    {
        var check = await Shell.RunAsync(folder, mops, ["plugins", "check", "--home", home], environment);
        Assert.Contains("ok: 2 plugin(s) checked, 2 active", check, StringComparison.Ordinal);
        var listed = await Shell.RunAsync(folder, mops, ["plugins", "list", "--json", "--home", home], environment);
        using var json = JsonDocument.Parse(listed[listed.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id).GetProperty("status").GetString();
    }

    private static void AddAccount(string pluginsJson, string pluginId, string account, string timeZone)
    {
        var root = JsonNode.Parse(File.ReadAllText(pluginsJson), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var entry = root["plugins"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == pluginId)!;
        entry["accounts"] = new JsonArray(new JsonObject { ["name"] = account, ["timeZone"] = timeZone });
        File.WriteAllText(pluginsJson, root.ToJsonString());
    }

    private static (int Passed, int Failed, int Skipped) Summary(string output)
    {
        var match = TestSummary().Match(output);
        Assert.True(match.Success, "no test summary in:\n" + output);
        return (Number(match, "passed"), Number(match, "failed"), Number(match, "skipped"));
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    // VSTest's closing line: "Passed!  - Failed:     0, Passed:    10, Skipped:     1, Total:    11, Duration: …".
    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+), Skipped:\s+(?<skipped>\d+)")]
    private static partial Regex TestSummary();
}
