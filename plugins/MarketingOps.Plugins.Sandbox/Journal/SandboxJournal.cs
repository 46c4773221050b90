using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Sandbox.Journal;

/// <summary>
/// An append-only JSON-lines file of everything the network received. Each append opens, writes, flushes to disk
/// and closes the file before the caller returns, so a killed host loses nothing the network acknowledged and a
/// new instance (a restart) can open the same file at any time.
/// </summary>
internal sealed class SandboxJournal(string path, ILogger logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public void Append(JournalEntry entry)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, JsonOptions) + "\n");
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(line);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Ends a last line torn by a crash, so the next append starts a line of its own.</summary>
    private void EndTornLine()
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() != '\n')
        {
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every entry in order; a line torn by a crash mid-write (or otherwise unreadable) is skipped with a warning.</summary>
    public IReadOnlyList<JournalEntry> ReadAll()
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(Path))
        {
            return entries;
        }

        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var entry = JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions);
                if (entry is { Op: JournalEntry.Publish or JournalEntry.Delete, Account: not null, PostId: not null })
                {
                    entries.Add(entry);
                    continue;
                }
            }
            catch (JsonException)
            {
                // Reported below, like any other unreadable line.
            }

            logger.LogWarning("Skipping unreadable sandbox journal line {Line} of {Path}", lineNumber, Path);
        }

        EndTornLine();
        return entries;
    }
}
