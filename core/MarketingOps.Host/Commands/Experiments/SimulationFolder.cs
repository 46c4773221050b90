using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Plugins;
using MarketingOps.Host.Hosting;
using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>
/// The rehearsal's own client folder, <c>&lt;home&gt;/data/simulate</c>, created afresh: the home's sandbox plugin with
/// the stated rates matched by variant, every other variant (the A/A runs' renamed ones) at the control's rate, and one
/// sandbox account per account of the file, in the home account's time zone.
/// </summary>
internal static class SimulationFolder
{
    /// <summary>The sandbox's rate setting for each counter a per-impression metric can count.</summary>
    private static readonly Dictionary<string, string> RateSettings = new(StringComparer.Ordinal)
    {
        [MetricNames.LinkClicks] = "clickRate",
        [MetricNames.Likes] = "likeRate",
        [MetricNames.Reposts] = "repostRate",
        [MetricNames.Replies] = "replyRate",
    };

    /// <summary>Why the file's metric cannot be simulated, or null when it can.</summary>
    public static string? Unsupported(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Denominator == MetricNames.Impressions && RateSettings.ContainsKey(metric.Numerator)
            ? null
            : $"metric: simulate needs a rate per impression of {string.Join(", ", RateSettings.Keys)}; the file's metric is {metric.Numerator} per {metric.Denominator}";
    }

    public static ClientFolder Prepare(ClientFolder home, PluginsFile homePlugins, ExperimentDefinition definition, IReadOnlyDictionary<string, double> rates, long followers, long seed)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(homePlugins);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rates);
        var sandbox = homePlugins.Plugins.FirstOrDefault(p => p.Id == "sandbox")
            ?? throw new UserFacingException($"simulate runs the plan on the sandbox plugin, and {homePlugins.Path} lists none");
        var setting = RateSettings[definition.Metric.Numerator];
        var zones = homePlugins.Plugins.SelectMany(p => p.Accounts).GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().TimeZone.Id, StringComparer.OrdinalIgnoreCase);
        var names = definition.Accounts.Concat(definition.Variants.Select(v => v.Account).OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase);

        var root = Path.Combine(home.DataDirectory, "simulate");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var plugins = new JsonObject
        {
            ["plugins"] = new JsonArray(new JsonObject
            {
                ["id"] = "sandbox",
                ["path"] = sandbox.Directory,
                ["settings"] = new JsonObject
                {
                    ["seed"] = seed,
                    ["defaultRates"] = new JsonObject { [setting] = rates[definition.Control.Name] },
                    ["rates"] = new JsonArray([.. rates.Select(r => (JsonNode)new JsonObject { ["variant"] = r.Key, [setting] = r.Value })]),

                    // Only the posts matter: no simulated follows, mentions or messages to spend time on.
                    ["audience"] = new JsonObject { ["followsPerHour"] = 0, ["mentionsPerHour"] = 0, ["messagesPerHour"] = 0 },
                },
                ["accounts"] = new JsonArray([.. names.Select(name => (JsonNode)new JsonObject
                {
                    ["name"] = name,
                    ["timeZone"] = zones.GetValueOrDefault(name, "UTC"),
                    ["approvalRequired"] = false,
                    ["settings"] = new JsonObject { ["followers"] = followers },
                })]),
            }),
        };

        File.WriteAllText(Path.Combine(root, PluginsFile.FileName), plugins.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return new ClientFolder(root);
    }

    /// <summary>"control 1.0 %, question 1.5 %".</summary>
    public static string Describe(IReadOnlyDictionary<string, double> rates) =>
        string.Join(", ", rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value * 100:0.0##} %")));
}
