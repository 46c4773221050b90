using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Core.Storage;

/// <summary>The embedded store: one SQLite file in the client folder, in WAL mode with a busy timeout.</summary>
internal sealed class SqlitePostStore : AdoPostStore
{
    private readonly string _connectionString;
    private readonly string _busyTimeout;
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
        _busyTimeout = ((long)busyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public override string Description => Path;

    protected override IReadOnlyList<string> Migrations => SchemaScripts.Sqlite;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL is a property of the file; set it once. busy_timeout lets SQLite wait for a writer in short naps;
            // without it Microsoft.Data.Sqlite retries a busy database only every 150 ms.
            var pragmas = Interlocked.Exchange(ref _walSet, 1) == 0
                ? $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={_busyTimeout};"
                : $"PRAGMA foreign_keys=ON; PRAGMA busy_timeout={_busyTimeout};";
            await ExecuteAsync(connection, null, pragmas, cancellationToken);
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
}
