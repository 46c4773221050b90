using MessagePack;
using MessagePack.Formatters;

namespace MarketingOps.Scripting.Protocol;

/// <summary>Compact formatters for the values scripts read by the thousand (posts, metric snapshots); none for anything else.</summary>
internal sealed class ScriptValuesResolver : IFormatterResolver
{
    public static readonly ScriptValuesResolver Instance = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() => Cache<T>.Formatter;

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T>? Formatter = (typeof(T) == typeof(ScriptPost) ? ScriptPostFormatter.Instance
            : typeof(T) == typeof(MetricSnapshot) ? (object)MetricSnapshotFormatter.Instance
            : null) as IMessagePackFormatter<T>;
    }
}
