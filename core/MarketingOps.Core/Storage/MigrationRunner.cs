using System.Data.Common;
using System.Globalization;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Brings one store's tables up to its last migration: the steps it has not recorded run once, in order, inside the
/// caller's write transaction (which holds the store's schema lock), each recorded in the store's version table.
/// Every store migrates through this: the post store, the experiment store and the tables kept beside the post store.
/// </summary>
internal sealed class MigrationRunner
{
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly SqlDialect _dialect;
    private readonly string _versionTable;
    private readonly TimeProvider _time;

    public MigrationRunner(IReadOnlyList<Migration> migrations, SqlDialect dialect, string versionTable, TimeProvider time)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration {migrations[i].Version} of {versionTable} stands at place {i + 1}: a store's migrations are numbered 1, 2, 3, … in order.");
            }
        }

        _migrations = migrations;
        _dialect = dialect;
        _versionTable = versionTable;
        _time = time;
    }

    /// <summary>The version the last migration brings a database to.</summary>
    public int Latest => _migrations.Count;

    /// <summary>Whether the database is at <see cref="Latest"/>, read without a lock; false when it has no version table yet.</summary>
    public async Task<bool> IsCurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await VersionAsync(connection, null, cancellationToken) == Latest;
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // No version table yet (a new store): migrate. (PostgreSQL: the failed statement ended no transaction; there was none.)
            return false;
        }
    }

    /// <summary>The highest version recorded, 0 for none.</summary>
    public async Task<int> VersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = AdoPostStore.Command(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {_versionTable}");
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs the migrations the database has not recorded. A database newer than this mops is refused with
    /// <paramref name="tooNew"/>'s message (given the database's version), never downgraded.
    /// </summary>
    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, Func<int, string> tooNew, CancellationToken cancellationToken)
    {
        await AdoPostStore.ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {_versionTable} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);

        var current = await VersionAsync(connection, transaction, cancellationToken);
        if (current > Latest)
        {
            throw new InvalidOperationException(tooNew(current));
        }

        foreach (var migration in _migrations.Skip(current))
        {
            await AdoPostStore.ExecuteAsync(connection, transaction, migration.In(_dialect), cancellationToken);

            await using var record = AdoPostStore.Command(connection, transaction, $"INSERT INTO {_versionTable} (version, applied_at) VALUES (@v, @at)");
            AdoPostStore.Add(record, "@v", migration.Version);
            AdoPostStore.Add(record, "@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
