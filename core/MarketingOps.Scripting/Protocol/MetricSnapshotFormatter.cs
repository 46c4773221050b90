using System.Text;
using MessagePack;
using MessagePack.Formatters;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A <see cref="MetricSnapshot"/> as [post id, instant, counters]: only what it holds, not the figures derived from its
/// counters (which the contractless default would compute and send too). The usual counter names come back as the
/// same strings each time, instead of a new string per snapshot, and the counters come back read-only.
/// </summary>
internal sealed class MetricSnapshotFormatter : IMessagePackFormatter<MetricSnapshot?>
{
    private const int Fields = 3;

    private static readonly (byte[] Utf8, string Name)[] KnownNames = [.. new[]
    {
        Counter.Impressions, Counter.Likes, Counter.Reposts, Counter.Replies, Counter.Quotes, Counter.LinkClicks, Counter.Engagements,
    }.Select(name => (Encoding.UTF8.GetBytes(name), name))];

    public static readonly MetricSnapshotFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, MetricSnapshot? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(Fields);
        writer.Write(value.PostId);
        options.Resolver.GetFormatterWithVerify<DateTimeOffset?>().Serialize(ref writer, value.At, options);
        writer.WriteMapHeader(value.Counters.Count);
        foreach (var (name, count) in value.Counters)
        {
            writer.Write(name);
            writer.Write(count);
        }
    }

    public MetricSnapshot? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            if (reader.ReadArrayHeader() != Fields)
            {
                throw new MessagePackSerializationException($"A metric snapshot must be an array of {Fields} values.");
            }

            var postId = reader.ReadString() ?? throw new MessagePackSerializationException("A metric snapshot's post id is missing.");
            var at = options.Resolver.GetFormatterWithVerify<DateTimeOffset?>().Deserialize(ref reader, options);
            var count = reader.ReadMapHeader();
            var counters = new Dictionary<string, long>(Math.Min(count, 64), options.Security.GetEqualityComparer<string>());
            for (var i = 0; i < count; i++)
            {
                var name = ReadName(ref reader);
                counters[name] = reader.ReadInt64();
            }

            // Read-only: a worker keeps snapshots between runs, and one run must not change what the next reads.
            return new MetricSnapshot(postId, at, counters.AsReadOnly());
        }
        finally
        {
            reader.Depth--;
        }
    }

    private static string ReadName(ref MessagePackReader reader)
    {
        if (reader.TryReadStringSpan(out var span))
        {
            foreach (var (utf8, name) in KnownNames)
            {
                if (span.SequenceEqual(utf8))
                {
                    return name;
                }
            }

            return Encoding.UTF8.GetString(span);
        }

        return reader.ReadString() ?? throw new MessagePackSerializationException("A counter's name is missing.");
    }
}
