using System.Data.Common;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Access;

/// <summary>
/// The tables of the HTTP API beside the post store (users, tokens, the Data Protection key ring, idempotency keys),
/// versioned in their own table so they never renumber the post store's migrations. Append, never edit.
/// </summary>
internal sealed class AccessSchema : SideSchema
{
    // One script serves both dialects: TEXT and BIGINT mean the same to SQLite and PostgreSQL here.
    internal static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, both: """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                security_stamp TEXT NOT NULL,
                failed_logins INTEGER NOT NULL,
                lockout_until BIGINT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL);
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                user_id TEXT NULL,
                role TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NULL,
                last_used_at BIGINT NULL,
                revoked_at BIGINT NULL);
            CREATE INDEX ix_api_tokens_name ON api_tokens (name);
            CREATE TABLE data_protection_keys (
                name TEXT PRIMARY KEY,
                xml TEXT NOT NULL,
                created_at BIGINT NOT NULL);
            CREATE TABLE api_idempotency (
                actor TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                post_id TEXT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (actor, key));
            """),
    ];

    public AccessSchema(AdoPostStore database, TimeProvider time)
        : base(database, time, "access_schema_version", "user and token tables", Migrations)
    {
    }

    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Database.BeginWriteAsync(connection, durable: true, cancellationToken);

    /// <summary>Runs one write in its own transaction; returns the rows changed.</summary>
    public async Task<int> WriteAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using var command = AdoPostStore.Command(connection, transaction, sql);
        parameters(command);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
