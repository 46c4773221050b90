using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace MarketingOps.Scripting;

/// <summary>JSON for scripts: the script's <c>Json</c>. Use it instead of <c>JsonSerializer</c>, which would remember the script's types for the life of the host.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class JsonApi
{
    // One options instance per run, with its own resolver so it shares no cache with any other options: what it learns
    // about the script's types is collected with the run.
    private readonly Lazy<JsonSerializerOptions> _options = new(() => new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    });

    private readonly Lazy<JsonSerializerOptions> _indented;

    internal JsonApi() => _indented = new(() => new JsonSerializerOptions(_options.Value) { WriteIndented = true });

    /// <summary>Writes a value as JSON (camelCase names).</summary>
    public string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? _indented.Value : _options.Value);

    /// <summary>Reads JSON into a value (names matched case-insensitively).</summary>
    public T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, _options.Value);

    /// <summary>Reads JSON into a tree you can walk: <c>Json.Parse(text)!["items"]![0]</c>.</summary>
#pragma warning disable CA1822 // scripts call it as Json.Parse, like the other members
    public JsonNode? Parse(string json) => JsonNode.Parse(json);
#pragma warning restore CA1822
}
