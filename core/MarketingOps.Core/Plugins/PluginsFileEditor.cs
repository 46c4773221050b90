using System.Text;
using System.Text.Json;

namespace MarketingOps.Core.Plugins;

/// <summary>
/// Edits <c>plugins.json</c> as text, so the client's layout, order, comments and settings stay exactly as they were:
/// only the entry being installed or removed changes.
/// </summary>
internal static class PluginsFileEditor
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Points the entry of <paramref name="id"/> at <paramref name="path"/>, adding the entry at the end when there is none.</summary>
    public static string SetPath(string json, string id, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var map = Map(bytes);
        var quoted = JsonSerializer.Serialize(path);
        if (map.Entries.FirstOrDefault(e => e.Id == id) is { } entry)
        {
            return entry.PathValue is { } value
                ? Splice(bytes, value.Start, value.End, quoted)
                : Splice(bytes, entry.IdEnd, entry.IdEnd, $", \"path\": {quoted}");
        }

        var line = $"{{ \"id\": {JsonSerializer.Serialize(id)}, \"path\": {quoted} }}";
        if (map.Entries.Count == 0)
        {
            var indent = IndentOf(bytes, map.ArrayStart);
            return Splice(bytes, map.ArrayStart + 1, map.ArrayEnd, $"\n{indent}  {line}\n{indent}");
        }

        var last = map.Entries[^1];
        return Splice(bytes, last.End, last.End, $",\n{IndentOf(bytes, map.Entries[0].Start)}{line}");
    }

    /// <summary>Removes the entry of <paramref name="id"/>; false when there is none.</summary>
    public static bool TryRemove(string json, string id, out string edited)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var map = Map(bytes);
        var index = map.Entries.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            edited = json;
            return false;
        }

        var entry = map.Entries[index];
        edited = index > 0
            ? Splice(bytes, map.Entries[index - 1].End, entry.End, "")
            : map.Entries.Count > 1
                ? Splice(bytes, entry.Start, map.Entries[1].Start, "")
                : Splice(bytes, map.ArrayStart + 1, map.ArrayEnd, "");
        return true;
    }

    private static string Splice(byte[] bytes, int start, int end, string replacement) =>
        Encoding.UTF8.GetString(bytes, 0, start) + replacement + Encoding.UTF8.GetString(bytes, end, bytes.Length - end);

    private static string IndentOf(byte[] bytes, int position)
    {
        var lineStart = position;
        while (lineStart > 0 && bytes[lineStart - 1] != (byte)'\n')
        {
            lineStart--;
        }

        var indent = lineStart;
        while (indent < position && bytes[indent] is (byte)' ' or (byte)'\t')
        {
            indent++;
        }

        return Encoding.UTF8.GetString(bytes, lineStart, indent - lineStart);
    }

    private static FileMap Map(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        var map = new FileMap();
        Entry? current = null;
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartArray when reader.CurrentDepth == 1 && property == "plugins":
                    map.ArrayStart = (int)reader.TokenStartIndex;
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 1 && map.ArrayStart >= 0 && map.ArrayEnd < 0:
                    map.ArrayEnd = (int)reader.TokenStartIndex;
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 2 && map.ArrayStart >= 0 && map.ArrayEnd < 0:
                    current = new Entry { Start = (int)reader.TokenStartIndex };
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == 2 && current is not null:
                    current.End = (int)reader.TokenStartIndex + 1;
                    map.Entries.Add(current);
                    current = null;
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 3 && current is not null:
                    var name = reader.GetString();
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    var end = (int)reader.BytesConsumed;
                    if (name == "id" && reader.TokenType == JsonTokenType.String)
                    {
                        current.Id = reader.GetString();
                        current.IdEnd = end;
                    }
                    else if (name == "path")
                    {
                        current.PathValue = (start, end);
                    }

                    break;
            }
        }

        return map.ArrayStart >= 0 && map.ArrayEnd >= 0 ? map : throw new InvalidDataException("plugins.json has no \"plugins\" array to edit");
    }

    private sealed class FileMap
    {
        public int ArrayStart { get; set; } = -1;

        public int ArrayEnd { get; set; } = -1;

        public List<Entry> Entries { get; } = [];
    }

    private sealed class Entry
    {
        public int Start { get; init; }

        public int End { get; set; }

        public string? Id { get; set; }

        public int IdEnd { get; set; }

        public (int Start, int End)? PathValue { get; set; }
    }
}
