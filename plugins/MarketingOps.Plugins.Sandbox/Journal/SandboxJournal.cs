using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Sandbox.Journal;

/// <summary>
/// An append-only JSON-lines file of everything the network received. Each append opens, writes, flushes to disk
/// and closes the file before the caller returns, so a killed host loses nothing the network acknowledged and a
/// new instance (a restart) can open the same file at any time. Several hosts (the nodes of a cluster) share one
/// journal as one network: each call that reads or changes the network holds <see cref="LockAsync"/> and first
/// reads what the others appended (<see cref="ReadNew"/>).
/// </summary>
internal sealed class SandboxJournal(string path, ILogger logger)
{
    // The file lock excludes other processes; this excludes other sandbox instances of this process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);
    private long _readOffset;

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
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        EndTornLine(stream);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(line);
        stream.Flush(flushToDisk: true);
        // Our own line is in memory already: the next catch-up starts after it.
        if (_readOffset == stream.Length - line.Length)
        {
            _readOffset = stream.Length;
        }
    }

    /// <summary>Holds the journal for one call: no other host or instance reads or appends meanwhile.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken cancellationToken)
    {
        var gate = InProcess.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            while (true)
            {
                try
                {
                    // FileShare.None takes an exclusive advisory lock (flock) that other processes' opens respect.
                    return new Held(gate, new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    await Task.Delay(5, cancellationToken);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Entries appended since the last read (by any host), in order; an unfinished last line waits for the next read.</summary>
    public IReadOnlyList<JournalEntry> ReadNew()
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(Path))
        {
            return entries;
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length <= _readOffset)
        {
            return entries;
        }

        stream.Position = _readOffset;
        var bytes = new byte[stream.Length - _readOffset];
        stream.ReadExactly(bytes);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, complete).Split('\n'))
        {
            if (Parse(line) is { } entry)
            {
                entries.Add(entry);
            }
        }

        _readOffset += complete;
        return entries;
    }

    private JournalEntry? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<JournalEntry>(line, JsonOptions);
            if (entry is { Op: JournalEntry.Publish or JournalEntry.Delete, Account: not null, PostId: not null })
            {
                return entry;
            }
        }
        catch (JsonException)
        {
            // Reported below, like any other unreadable line.
        }

        logger.LogWarning("Skipping an unreadable sandbox journal line in {Path}", Path);
        return null;
    }

    private sealed class Held(SemaphoreSlim gate, FileStream lockFile) : IDisposable
    {
        public void Dispose()
        {
            lockFile.Dispose();
            gate.Release();
        }
    }

    /// <summary>Ends a last line torn by a crash, so the next append starts a line of its own.</summary>
    private static void EndTornLine(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() != '\n')
        {
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>Every entry in order; a line torn by a crash mid-write (or otherwise unreadable) is skipped with a warning.</summary>
    public IReadOnlyList<JournalEntry> ReadAll()
    {
        _readOffset = 0;
        return ReadNew();
    }
}
