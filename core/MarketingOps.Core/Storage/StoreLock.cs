using System.Collections.Concurrent;
using System.Globalization;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Proves this process is the only <c>mops run</c> on a SQLite file: an OS lock on <c>&lt;file&gt;.lock</c>,
/// which holds our process id. The OS drops the lock when the process dies, so a crash never leaves it stuck.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    // POSIX record locks belong to the process, so two holders inside one process are caught here instead.
    private static readonly ConcurrentDictionary<string, int> HeldHere = new(StringComparer.Ordinal);

    private readonly FileStream _stream;

    private StoreLock(string databasePath, string lockPath, FileStream stream)
    {
        DatabasePath = databasePath;
        LockPath = lockPath;
        _stream = stream;
    }

    public string DatabasePath { get; }

    public string LockPath { get; }

    /// <summary>Takes the lock or throws <see cref="StoreLockedException"/> naming the file and the process that holds it.</summary>
    public static StoreLock Acquire(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var lockPath = fullPath + ".lock";
        if (!HeldHere.TryAdd(lockPath, Environment.ProcessId))
        {
            throw new StoreLockedException(fullPath, Environment.ProcessId);
        }

        FileStream? stream = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            if (OperatingSystem.IsMacOS())
            {
                // No record locks there: an exclusive open is the lock, at the price of not reading the owner's pid.
                try
                {
                    stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    throw new StoreLockedException(fullPath, ownerProcessId: null);
                }
            }
            else
            {
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                try
                {
                    stream.Lock(0, 1);
                }
                catch (IOException)
                {
                    throw new StoreLockedException(fullPath, ReadOwner(stream));
                }
            }

            stream.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush(flushToDisk: true);
            return new StoreLock(fullPath, lockPath, stream);
        }
        catch
        {
            stream?.Dispose();
            HeldHere.TryRemove(lockPath, out _);
            throw;
        }
    }

    public void Dispose()
    {
        // Closing the file releases the lock.
        _stream.Dispose();
        HeldHere.TryRemove(LockPath, out _);
    }

    /// <summary>The process id the lock file of <paramref name="databasePath"/> names, when a process holds it now.</summary>
    public static int? ReadHolder(string databasePath)
    {
        var lockPath = Path.GetFullPath(databasePath) + ".lock";
        if (OperatingSystem.IsMacOS() || !File.Exists(lockPath))
        {
            // No record locks on macOS (the lock is an exclusive open there), so the holder cannot be read.
            return null;
        }

        try
        {
            using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            try
            {
                // Free: nobody holds it, whatever the file still says.
                stream.Lock(0, 1);
                stream.Unlock(0, 1);
                return null;
            }
            catch (IOException)
            {
                return ReadOwner(stream);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static int? ReadOwner(FileStream stream)
    {
        try
        {
            stream.Position = 0;
            using var reader = new StreamReader(stream, leaveOpen: true);
            return int.TryParse(reader.ReadToEnd().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
