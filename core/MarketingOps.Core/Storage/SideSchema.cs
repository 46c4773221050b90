using System.Globalization;

namespace MarketingOps.Core.Storage;

/// <summary>
/// Migrates tables a feature keeps beside the post store (users and tokens, links) under their own version table, so
/// they never renumber the post store's migrations: each script runs once, in order, in one transaction.
/// </summary>
internal static class SideSchema
{
    public static async Task MigrateAsync(AdoPostStore database, string versionTable, IReadOnlyList<string> migrations, string what, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, durable: true, cancellationToken);
        await database.LockSchemaForAsync(connection, transaction, cancellationToken);
        await AdoPostStore.ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {versionTable} (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);
        int current;
        await using (var read = AdoPostStore.Command(connection, transaction, $"SELECT COALESCE(MAX(version), 0) FROM {versionTable}"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (current > migrations.Count)
        {
            throw new InvalidOperationException($"The {what} of {database.Description} have schema version {current}, newer than this mops knows ({migrations.Count}); upgrade mops instead of downgrading the data.");
        }

        for (var version = current + 1; version <= migrations.Count; version++)
        {
            await AdoPostStore.ExecuteAsync(connection, transaction, migrations[version - 1], cancellationToken);
            await using var record = AdoPostStore.Command(connection, transaction, $"INSERT INTO {versionTable} (version, applied_at) VALUES (@v, @at)");
            AdoPostStore.Add(record, "@v", version);
            AdoPostStore.Add(record, "@at", time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
