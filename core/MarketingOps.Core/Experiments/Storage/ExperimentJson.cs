using System.Text.Json;
using System.Text.Json.Serialization;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>How definitions and decisions are stored as JSON: camelCase, enums as strings.</summary>
internal static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
