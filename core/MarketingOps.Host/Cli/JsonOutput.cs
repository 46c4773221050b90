using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketingOps.Host.Cli;

/// <summary>The one JSON shape every <c>--json</c> output uses: camelCase, enums as strings, indented.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
