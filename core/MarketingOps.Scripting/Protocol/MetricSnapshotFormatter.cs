using System.Text;
using MessagePack;
using MessagePack.Formatters;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A <see cref="MetricSnapshot"/> as [post id, instant, counters]: only what it holds, not the figures derived from its
/// counters (which the contractless default would compute and send too). The usual counter names come back as the
/// same strings each time, instead of a new string per snapshot, and the counters come back read-only (<see cref="CounterValues"/>).
/// </summary>
internal sealed class MetricSnapshotFormatter : IMessagePackFormatter<MetricSnapshot?>
{
    private const int Fields = 3;

    // Up to this many, names given twice are found by a scan; more go through a dictionary, whoever sent them.
    private const int FewCounters = 16;

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
            if (count > FewCounters)
            {
                var many = new Dictionary<string, long>(Math.Min(count, 64), options.Security.GetEqualityComparer<string>());
                for (var i = 0; i < count; i++)
                {
                    var name = ReadName(ref reader);
                    many[name] = reader.ReadInt64();
                }

                return new MetricSnapshot(postId, at, new CounterValues([.. many.Keys], [.. many.Values], many.Count));
            }

            var names = new string[count];
            var values = new long[count];
            var distinct = 0;
            for (var i = 0; i < count; i++)
            {
                var name = ReadName(ref reader);
                var value = reader.ReadInt64();
                var seen = Array.IndexOf(names, name, 0, distinct);
                if (seen < 0)
                {
                    (names[distinct], values[distinct]) = (name, value);
                    distinct++;
                }
                else
                {
                    values[seen] = value; // a name given twice keeps its last value, as a dictionary would
                }
            }

            return new MetricSnapshot(postId, at, new CounterValues(names, values, distinct));
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
