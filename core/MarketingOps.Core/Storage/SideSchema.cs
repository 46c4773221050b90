using System.Data.Common;
using System.Globalization;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Tables a feature keeps beside the post store (users and tokens, links) under their own version table, so they never
/// renumber the post store's migrations: each script runs once, in order, in one transaction, before the first
/// connection is handed out.
/// </summary>
internal abstract class SideSchema
{
    private readonly TimeProvider _time;
    private readonly string _versionTable;
    private readonly string _what;
    private readonly IReadOnlyList<string> _migrations;
    private readonly OneTimeInitialization _migration;

    protected SideSchema(AdoPostStore database, TimeProvider time, string versionTable, string what, IReadOnlyList<string> migrations)
    {
        Database = database;
        _time = time;
        _versionTable = versionTable;
        _what = what;
        _migrations = migrations;
        _migration = new OneTimeInitialization(MigrateAsync);
    }

    public string Description => Database.Description;

    protected AdoPostStore Database { get; }

    /// <summary>Opens a connection to a database whose post schema and these tables are current.</summary>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migration.IsDone)
        {
            await _migration.EnsureAsync(cancellationToken);
        }

        return await Database.OpenAsync(cancellationToken);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Readers (`mops links list` beside a busy `mops run`) never wait for the write lock when nothing is to do.
        await using (var connection = await Database.OpenAsync(cancellationToken))
        {
            if (await IsCurrentAsync(connection, cancellationToken))
            {
                return;
            }
        }

        await using var write = await Database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(write, durable: true, cancellationToken);
        await Database.LockSchemaForAsync(write, transaction, cancellationToken);
        await AdoPostStore.ExecuteAsync(write, transaction, $"CREATE TABLE IF NOT EXISTS {_versionTable} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);
        var current = await VersionAsync(write, transaction, cancellationToken);
        if (current > _migrations.Count)
        {
            throw new InvalidOperationException($"The {_what} of {Database.Description} have schema version {current}, newer than this mops knows ({_migrations.Count}); upgrade mops instead of downgrading the data.");
        }

        for (var version = current + 1; version <= _migrations.Count; version++)
        {
            await AdoPostStore.ExecuteAsync(write, transaction, _migrations[version - 1], cancellationToken);
            await using var record = AdoPostStore.Command(write, transaction, $"INSERT INTO {_versionTable} (version, applied_at) VALUES (@v, @at)");
            AdoPostStore.Add(record, "@v", version);
            AdoPostStore.Add(record, "@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> IsCurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await VersionAsync(connection, null, cancellationToken) == _migrations.Count;
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // No version table yet: migrate. (PostgreSQL: the failed statement ended no transaction; there was none.)
            return false;
        }
    }

    private async Task<int> VersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = AdoPostStore.Command(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {_versionTable}");
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
