using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Host;

/// <summary>The demo's own client folder, <c>&lt;home&gt;/data/demo</c>: created afresh on every run, and the only place the demo writes.</summary>
internal static class DemoFolder
{
    public const string Account = "demo-brand";

    /// <summary>The script the demo runs, in <c>scripts/</c> of the home or of the repository the demo was built from.</summary>
    public const string Script = "ab-two-variants.csx";

    /// <summary>
    /// The sandbox's true click rate of each wording of <see cref="Script"/> (matched by a phrase of its text), so
    /// the right answer is known. 20,000 followers give each post some 6,000 impressions.
    /// </summary>
    public static IReadOnlyList<(string Variant, string Phrase, double ClickRate)> TrueRates { get; } =
    [
        ("feature", "adds scheduled reports", 0.010),
        ("benefit", "Stop copying numbers", 0.020),
    ];

    public const long Followers = 20_000;

    public static string Describe() =>
        string.Join(", ", TrueRates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Variant} {r.ClickRate * 100:0.0} %")));

    /// <summary>Creates data/demo afresh: a plugins.json that loads the home's sandbox plugin with known rates, and a mops.json.</summary>
    public static ClientFolder Prepare(ClientFolder home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var file = PluginsFileReader.Read(home.PluginsFile);
        var sandbox = file.Plugins.FirstOrDefault(p => p.Id == "sandbox")
            ?? throw new UserFacingException($"the demo needs the sandbox plugin, and {home.PluginsFile} lists none");
        var root = Path.Combine(home.DataDirectory, "demo");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var rates = new JsonArray([.. TrueRates.Select(r => (JsonNode)new JsonObject { ["contains"] = r.Phrase, ["clickRate"] = r.ClickRate })]);
        var plugins = new JsonObject
        {
            ["plugins"] = new JsonArray(new JsonObject
            {
                ["id"] = "sandbox",
                ["path"] = sandbox.Directory,

                // Each wording repeats every other day, so the network's own duplicate check is switched off.
                ["settings"] = new JsonObject { ["seed"] = 7, ["duplicateWindowHours"] = 0, ["rates"] = rates },
                ["accounts"] = new JsonArray(new JsonObject
                {
                    ["name"] = Account,
                    ["timeZone"] = "Europe/Berlin",
                    ["approvalRequired"] = false,
                    ["settings"] = new JsonObject { ["followers"] = Followers },
                }),
            }),
        };

        // An A/B test repeats each wording (three posts each, at least a day apart, then the winner once more). The
        // guardrails would refuse those repeats as duplicates within their default 30 days, so the demo's window is
        // shorter than the time between two posts of one wording.
        var settings = new JsonObject { ["Guardrails"] = new JsonObject { ["DuplicateWindow"] = "12:00:00" } };
        var indented = new JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(root, PluginsFile.FileName), plugins.ToJsonString(indented));
        var folder = new ClientFolder(root);
        File.WriteAllText(folder.SettingsFile, settings.ToJsonString(indented));
        return folder;
    }

    /// <summary>The demo's script: <c>&lt;home&gt;/scripts/</c>, else <c>scripts/</c> of the repository above the executable.</summary>
    public static string FindScript(ClientFolder home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var candidates = new List<string> { Path.Combine(home.Root, "scripts", Script) };
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                candidates.Add(Path.Combine(directory.FullName, "scripts", Script));
                break;
            }
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new UserFacingException($"the demo runs scripts/{Script}, which is in none of: {string.Join(", ", candidates)}");
    }
}
