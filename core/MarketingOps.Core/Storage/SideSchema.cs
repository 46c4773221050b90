using System.Data.Common;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Tables a feature keeps beside the post store (users and tokens, links) under their own version table, so they never
/// renumber the post store's migrations: its migrations run through <see cref="MigrationRunner"/>, in one
/// transaction, before the first connection is handed out.
/// </summary>
internal abstract class SideSchema
{
    private readonly string _what;
    private readonly MigrationRunner _migrations;
    private readonly OneTimeInitialization _migration;

    protected SideSchema(AdoPostStore database, TimeProvider time, string versionTable, string what, IReadOnlyList<Migration> migrations)
    {
        Database = database;
        _what = what;
        _migrations = new MigrationRunner(migrations, database.Dialect, versionTable, time);
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
            if (await _migrations.IsCurrentAsync(connection, cancellationToken))
            {
                return;
            }
        }

        await using var write = await Database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(write, durable: true, cancellationToken);
        await Database.LockSchemaForAsync(write, transaction, cancellationToken);
        await _migrations.ApplyAsync(
            write,
            transaction,
            current => $"The {_what} of {Database.Description} have schema version {current}, newer than this mops knows ({_migrations.Latest}); upgrade mops instead of downgrading the data.",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
