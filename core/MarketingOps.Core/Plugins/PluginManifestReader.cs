using System.Text.Json;
using System.Text.Json.Serialization;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>Reads a plugin folder's <c>plugin.json</c> without running any of the plugin's code.</summary>
internal static class PluginManifestReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        TypeInfoResolver = PluginManifestJsonContext.Default,
    };

    /// <summary>Returns the manifest, or the reason it cannot be used.</summary>
    public static (PluginManifest? Manifest, string? Problem) Read(string pluginDirectory)
    {
        var path = Path.Combine(pluginDirectory, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            return (null, $"no {PluginManifest.FileName} in {pluginDirectory}");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllBytes(path), Options);
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(manifest?.Id)) missing.Add("id");
            if (string.IsNullOrWhiteSpace(manifest?.Version)) missing.Add("version");
            if (string.IsNullOrWhiteSpace(manifest?.SdkRange)) missing.Add("sdkRange");
            if (string.IsNullOrWhiteSpace(manifest?.EntryAssembly)) missing.Add("entryAssembly");
            return missing.Count > 0
                ? (null, $"{path}: missing {string.Join(", ", missing)}")
                : (manifest, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is long line ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            return (null, $"{path}{where}: invalid manifest: {ex.Message.Split(" Path:")[0]}");
        }
    }
}
