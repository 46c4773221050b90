using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Core.Storage;

/// <summary>The embedded store: one SQLite file in the client folder, in WAL mode with a busy timeout.</summary>
internal sealed class SqlitePostStore : AdoPostStore
{
    private readonly string _connectionString;
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
        await connection.OpenAsync(cancellationToken);
        // WAL is a property of the file; set it once. FULL sync: a committed Publishing must survive a power cut,
        // or a restart would publish the post a second time.
        var pragmas = Interlocked.Exchange(ref _walSet, 1) == 0
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
            : "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        await ExecuteAsync(connection, null, pragmas, cancellationToken);
        return connection;
    }

    protected internal override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
}
