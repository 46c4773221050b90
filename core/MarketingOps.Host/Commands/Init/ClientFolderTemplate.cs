using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Links;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Web;

namespace MarketingOps.Host.Commands.Init;

/// <summary>The files <c>mops init</c> writes: plugins.json by id (no paths), mops.json with every default written out, and a .gitignore.</summary>
internal static class ClientFolderTemplate
{
    public static IReadOnlyList<string> Platforms { get; } = ["sandbox", "x", "mastodon", "bluesky"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The account name on each platform: the client's name alone, or with the platform when there are several.</summary>
    public static string AccountName(string client, string platform, int platformCount) => platformCount == 1 ? client : $"{client}-{platform}";

    public static string PluginsJson(string client, IReadOnlyList<string> platforms, string timeZone)
    {
        var entries = new JsonArray();
        foreach (var platform in platforms)
        {
            var account = new JsonObject { ["name"] = AccountName(client, platform, platforms.Count), ["timeZone"] = timeZone };
            if (AccountSettings(client, platform) is { } settings)
            {
                account["settings"] = settings;
            }

            entries.Add(new JsonObject { ["id"] = platform, ["accounts"] = new JsonArray(account) });
        }

        return new JsonObject { ["plugins"] = entries }.ToJsonString(Json) + "\n";
    }

    /// <summary>
    /// Every host setting at its default, so a client sees what it can change (docs/operations.md says what each means),
    /// and the HTTP API on <paramref name="port"/>: each client folder its own, so several hosts run side by side.
    /// </summary>
    public static string SettingsJson(int port) => new JsonObject
    {
        [WebOptions.SectionName] = JsonSerializer.SerializeToNode(new WebOptions { Urls = $"http://127.0.0.1:{port}" }, Json),
        [StorageOptions.SectionName] = JsonSerializer.SerializeToNode(new StorageOptions(), Json),
        [SchedulingOptions.SectionName] = JsonSerializer.SerializeToNode(new SchedulingOptions(), Json),
        [PublishingOptions.SectionName] = JsonSerializer.SerializeToNode(new PublishingOptions(), Json),
        [GuardrailOptions.SectionName] = JsonSerializer.SerializeToNode(new GuardrailOptions(), Json),
        [LinkOptions.SectionName] = JsonSerializer.SerializeToNode(new LinkOptions(), Json),
    }.ToJsonString(Json) + "\n";

    public const string GitIgnore = "# written by mops: the store, logs, encrypted credentials and caches stay out of version control\ndata/\nlogs/\nsecrets/\ncache/\n";

    /// <summary>The secrets each platform reads, for the next-steps message.</summary>
    public static IReadOnlyList<string> Secrets(string platform, string account) => platform switch
    {
        "x" => [$"x/{account}/access-token", $"x/{account}/refresh-token", $"x/{account}/client-id"],
        "mastodon" => [$"mastodon/{account}/access-token"],
        "bluesky" => [$"bluesky/{account}/app-password"],
        _ => [],
    };

    /// <summary>What `mops accounts connect` asks for on a platform whose plugin connects accounts itself; null where secrets are set by hand.</summary>
    public static string? ConnectHint(string platform) => platform switch
    {
        "bluesky" => "asks for the handle's app password, without echo",
        "x" => "set oauth2ClientId in plugins.json first; sign in in a browser",
        "mastodon" => "sign in in a browser; the app is registered on the instance",
        _ => null,
    };

    /// <summary>Account settings a platform needs before it can work, with placeholders the next steps point at.</summary>
    private static JsonObject? AccountSettings(string client, string platform) => platform switch
    {
        "x" => new JsonObject { ["handle"] = client, ["auth"] = "oauth2" },
        "mastodon" => new JsonObject { ["instanceUrl"] = "https://mastodon.social/" },
        "bluesky" => new JsonObject { ["handle"] = $"{client}.bsky.social" },
        _ => null,
    };
}
