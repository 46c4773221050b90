using System.Buffers;
using System.Globalization;
using System.Text;

namespace MarketingOps.Core.Links;

/// <summary>
/// A click as one line of the click journal: code, post id, milliseconds since 1970 and the agent (empty for a person),
/// separated by tabs. A line without its newline (the host died in the middle of a write) is not a record.
/// </summary>
internal static class ClickRecords
{
    /// <summary>The line of <paramref name="click"/> in a buffer rented from the shared pool; the caller returns it.</summary>
    public static byte[] Rent(LinkClick click, out int length)
    {
        var agent = click.Agent is null ? string.Empty : Clean(click.Agent);
        var text = string.Create(CultureInfo.InvariantCulture, $"{click.Code}\t{click.PostId}\t{click.At.ToUnixTimeMilliseconds()}\t{agent}\n");
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        length = Encoding.UTF8.GetBytes(text, buffer);
        return buffer;
    }

    /// <summary>The complete lines at the start of <paramref name="bytes"/>, and how many bytes they take.</summary>
    public static List<LinkClick> Read(ReadOnlySpan<byte> bytes, out int consumed)
    {
        var clicks = new List<LinkClick>();
        consumed = 0;
        while (bytes[consumed..].IndexOf((byte)'\n') is var end and >= 0)
        {
            var line = Encoding.UTF8.GetString(bytes.Slice(consumed, end));
            consumed += end + 1;
            var fields = line.Split('\t');
            if (fields.Length == 4 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var at))
            {
                clicks.Add(new LinkClick(fields[0], fields[1], DateTimeOffset.FromUnixTimeMilliseconds(at), fields[3].Length == 0 ? null : fields[3]));
            }
        }

        return clicks;
    }

    // An agent is a name the classifier gives (or a fragment from the settings): never a tab or a line break inside a record.
    private static string Clean(string agent) =>
        agent.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? agent : agent.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
