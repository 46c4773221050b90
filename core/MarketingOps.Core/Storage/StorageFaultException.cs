namespace MarketingOps.Core.Storage;

/// <summary>The store cannot be used as it is (corrupted, locked); the message names the file and the way out.</summary>
public sealed class StorageFaultException : Exception
{
    public StorageFaultException()
    {
    }

    public StorageFaultException(string message)
        : base(message)
    {
    }

    public StorageFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A damaged <paramref name="file"/>: what it holds decides the way out.</summary>
    public static StorageFaultException Damaged(string file, string detail, bool isSchedule, Exception? inner = null)
    {
        var wayOut = isSchedule
            ? $"It holds only the schedule, which mops rebuilds from the posts: move it aside (mv \"{file}\" \"{file}.damaged\") and start `mops run` again."
            : $"It holds the posts and their history: stop every mops process, restore it from your backup (or move it aside to start with an empty store), then start again.";
        var message = $"The store {file} is damaged ({detail}). {wayOut}";
        return inner is null ? new StorageFaultException(message) : new StorageFaultException(message, inner);
    }

    /// <summary>Another process holds the write lock on <paramref name="file"/> for longer than the busy timeout.</summary>
    public static StorageFaultException Locked(string file, Exception inner)
    {
        var holder = StoreLock.ReadHolder(file) is { } pid
            ? $"`mops run` (process {pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}, per {file}.lock) is using it"
            : "another process is writing to it";
        return new StorageFaultException($"The store {file} stayed locked for longer than the busy timeout: {holder}. Try again in a moment, or raise Storage:BusyTimeout in mops.json.", inner);
    }
}
