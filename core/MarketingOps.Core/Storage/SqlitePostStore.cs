using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MarketingOps.Core.Storage;

/// <summary>The embedded store: one SQLite file in the client folder, in WAL mode with a busy timeout.</summary>
internal sealed class SqlitePostStore : AdoPostStore
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private int _folderMade;
    private int _walSet;

    public SqlitePostStore(string path, TimeSpan busyTimeout, TimeProvider time)
        : base(time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout runs out.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        _busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, (long)busyTimeout.TotalMilliseconds);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public override string Description => Path;

    internal override SqlDialect Dialect => SqlDialect.Sqlite;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // Every store call opens a connection (two per API request): the folder is made once, not stat-ed each time.
        if (Volatile.Read(ref _folderMade) == 0 && System.IO.Path.GetDirectoryName(Path) is { } directory)
        {
            Directory.CreateDirectory(directory);
            Volatile.Write(ref _folderMade, 1);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection, as direct calls rather than a PRAGMA statement prepared, run and finalized on every open.
            // busy_timeout lets SQLite wait for a writer in short naps; without it Microsoft.Data.Sqlite retries a busy
            // database only every 150 ms.
            _ = raw.sqlite3_busy_timeout(connection.Handle, _busyTimeoutMilliseconds);
            if (raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_FKEY, 1, out var foreignKeys) != raw.SQLITE_OK || foreignKeys != 1)
            {
                await ExecuteAsync(connection, null, "PRAGMA foreign_keys=ON;", cancellationToken);
            }

            // WAL is a property of the file; set it once.
            if (Interlocked.Exchange(ref _walSet, 1) == 0)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            return connection;
        }
        catch (SqliteException ex) when (SqliteFaults.Explain(ex, Path, isSchedule: false) is { } fault)
        {
            await connection.DisposeAsync();
            throw fault;
        }
    }

    /// <summary>Runs <c>PRAGMA quick_check</c>; throws <see cref="StorageFaultException"/> naming the file when it finds damage.</summary>
    public static async Task CheckIntegrityAsync(string path, bool isSchedule, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(result, "ok", StringComparison.Ordinal))
            {
                throw StorageFaultException.Damaged(path, $"PRAGMA quick_check found: {result}", isSchedule);
            }
        }
        catch (SqliteException ex) when (SqliteFaults.Explain(ex, path, isSchedule) is { } fault)
        {
            throw fault;
        }
    }

    protected internal override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, bool durable, CancellationToken cancellationToken)
    {
        // In WAL mode FULL syncs the log at each commit; NORMAL leaves it to the next FULL commit or checkpoint,
        // which a process crash cannot undo (only a power cut can).
        await ExecuteAsync(connection, null, durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", cancellationToken);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    protected internal override Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL", cancellationToken);

    // 1000 pages is SQLite's default.
    protected internal override Task AutoCheckpointAsync(DbConnection connection, bool enabled, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, enabled ? "PRAGMA wal_autocheckpoint=1000" : "PRAGMA wal_autocheckpoint=0", cancellationToken);

    protected internal override Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);
}
