namespace MarketingOps.Core.Storage;

/// <summary>
/// The one <c>mops run</c> allowed on a SQLite client folder: taken once, before any plugin loads or journal is
/// replayed, and held until the host is disposed. Nothing to take on PostgreSQL, where hosts cluster.
/// </summary>
internal sealed class ExclusiveStoreLock(StoragePaths paths, Microsoft.Extensions.Options.IOptions<StorageOptions> storage) : IDisposable
{
    private readonly Lock _gate = new();
    private StoreLock? _lock;

    /// <summary>True when storage is SQLite: no other host can be publishing from this folder once the lock is ours.</summary>
    public bool IsExclusive => storage.Value.Kind == StorageKind.Sqlite;

    /// <summary>Takes the lock (once); throws <see cref="StoreLockedException"/> naming the process that holds it.</summary>
    public void Acquire()
    {
        if (!IsExclusive)
        {
            return;
        }

        lock (_gate)
        {
            _lock ??= StoreLock.Acquire(paths.PostsDatabase);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }
}
