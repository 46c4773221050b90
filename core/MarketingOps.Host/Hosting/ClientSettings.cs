using System.Text.Json;
using MarketingOps.Core.Configuration;
using MarketingOps.Core.Parsing;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Host.Hosting;

/// <summary>
/// A client's settings as every command reads them: <c>mops.json</c>, then the <c>MOPS_</c> environment variables. A
/// <c>mops.json</c> the configuration provider cannot load is refused as a configuration problem naming
/// <c>FILE:LINE:COLUMN</c>; the provider's own error (an InvalidDataException) says neither where nor why.
/// </summary>
internal static class ClientSettings
{
    // What the configuration provider accepts: comments and trailing commas.
    private static readonly JsonDocumentOptions Accepted = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IConfigurationBuilder AddClientSettings(this IConfigurationBuilder builder, ClientFolder folder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(folder);
        if (File.Exists(folder.SettingsFile) && Problem(File.ReadAllText(folder.SettingsFile), DisplayPath.Of(folder.SettingsFile)) is { } problem)
        {
            throw new ConfigurationException([problem]);
        }

        return builder
            .AddJsonFile(folder.SettingsFile, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("MOPS_");
    }

    /// <summary>Why the provider would refuse <paramref name="content"/>, or null when it loads.</summary>
    internal static ConfigProblem? Problem(string content, string shown)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return new ConfigProblem(shown, "$", "the file is empty; write {} for the defaults");
        }

        try
        {
            using var document = JsonDocument.Parse(content, Accepted);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Duplicate(document.RootElement, "$", shown)
                : new ConfigProblem(shown, "$", "must be a JSON object, { \"Storage\": { … }, … }");
        }
        catch (JsonException ex)
        {
            var (line, column, reason) = JsonSyntaxProblem.Locate(content, ex);
            return new ConfigProblem($"{shown}:{line}:{column}", string.Empty, "not valid JSON: " + reason);
        }
    }

    // Keys are read without regard to case: "Kind" twice, or "kind" beside "Kind", is one setting given twice.
    private static ConfigProblem? Duplicate(JsonElement element, string path, string shown)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select((item, i) => Duplicate(item, $"{path}[{i}]", shown)).FirstOrDefault(p => p is not null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return new ConfigProblem(shown, $"{path}.{property.Name}", "given twice; keep one");
            }

            if (Duplicate(property.Value, $"{path}.{property.Name}", shown) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
