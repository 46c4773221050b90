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

    public const string TimeZone = "Europe/Berlin";

    /// <summary>The script the demo runs, in <c>scripts/</c> of the home or of the repository the demo was built from.</summary>
    public const string Script = "ab-two-variants.csx";

    /// <summary>
    /// The sandbox's true click rate of each variant of <see cref="Script"/>, matched by the variant every experiment
    /// post carries (the draft option <c>variant</c>), so each rewording keeps its variant's rate and the right answer
    /// is known. 20,000 followers give each post some 6,000 impressions.
    /// </summary>
    public static IReadOnlyList<(string Variant, double ClickRate)> TrueRates { get; } =
    [
        ("feature", 0.010),
        ("benefit", 0.020),
    ];

    public const long Followers = 20_000;

    public static string Describe() =>
        string.Join(", ", TrueRates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Variant} {r.ClickRate * 100:0.0} %")));

    /// <summary>
    /// Creates data/demo afresh: a plugins.json that loads the sandbox plugin (the home's own entry when its plugins.json
    /// lists one, else the sandbox that ships with mops) with known rates. No mops.json: the demo runs with the default
    /// guardrails, which the example's rewordings pass. Needs nothing in the home folder, which may be empty.
    /// </summary>
    public static ClientFolder Prepare(ClientFolder home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var listed = File.Exists(home.PluginsFile) ? PluginsFileReader.Read(home.PluginsFile).Plugins.FirstOrDefault(p => p.Id == "sandbox")?.Directory : null;
        var (found, searched) = PluginLocator.Find(home.Root, "sandbox");
        var sandbox = listed ?? found
            ?? throw new UserFacingException($"the demo needs the sandbox plugin, which is in none of: {searched}");
        var root = Path.Combine(home.DataDirectory, "demo");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var rates = new JsonArray([.. TrueRates.Select(r => (JsonNode)new JsonObject { ["variant"] = r.Variant, ["clickRate"] = r.ClickRate })]);
        var plugins = new JsonObject
        {
            ["plugins"] = new JsonArray(new JsonObject
            {
                ["id"] = "sandbox",
                ["path"] = sandbox,

                ["settings"] = new JsonObject { ["seed"] = 7, ["rates"] = rates },
                ["accounts"] = new JsonArray(new JsonObject
                {
                    ["name"] = Account,
                    ["timeZone"] = TimeZone,
                    ["approvalRequired"] = false,
                    ["settings"] = new JsonObject { ["followers"] = Followers },
                }),
            }),
        };

        var indented = new JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(root, PluginsFile.FileName), plugins.ToJsonString(indented));
        return new ClientFolder(root);
    }

    /// <summary>
    /// The demo's script: <c>&lt;home&gt;/scripts/</c>, else <c>scripts/</c> of the repository above the executable, else
    /// the copy built into mops, written into the demo's folder (with the library it loads).
    /// </summary>
    public static string FindScript(ClientFolder home, ClientFolder demo)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(demo);
        var candidates = new List<string> { Path.Combine(home.Root, "scripts", Script) };
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MarketingOps.sln")))
            {
                candidates.Add(Path.Combine(directory.FullName, "scripts", Script));
                break;
            }
        }

        return candidates.FirstOrDefault(File.Exists) ?? WriteEmbedded(Path.Combine(demo.Root, "scripts"));
    }

    private static string WriteEmbedded(string folder)
    {
        var assembly = typeof(DemoFolder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("demo/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(folder, name["demo/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var resource = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(path);
            resource.CopyTo(file);
        }

        return Path.Combine(folder, Script);
    }
}
