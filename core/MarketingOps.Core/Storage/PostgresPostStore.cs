using System.Data;
using System.Data.Common;
using Npgsql;

namespace MarketingOps.Core.Storage;

/// <summary>The shared store for scale-out: PostgreSQL, used by every host of a cluster.</summary>
internal sealed class PostgresPostStore : AdoPostStore, IAsyncDisposable
{
    // Arbitrary constant naming the "migrating the post schema" advisory lock.
    private const long SchemaLockKey = 0x6d6f7073;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresPostStore(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Description { get; }

    internal override SqlDialect Dialect => SqlDialect.Postgres;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected internal override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, bool durable, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        if (!durable)
        {
            // Same trade as SQLite's NORMAL: a server crash may lose this commit, which only leaves the post Publishing.
            await ExecuteAsync(connection, transaction, "SET LOCAL synchronous_commit = off", cancellationToken);
        }

        return transaction;
    }

    // For this session only: a pooled connection is reset when it goes back to the pool.
    protected internal override Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "SET synchronous_commit = off", cancellationToken);

    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        Add(command, "@key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task LockAccountAsync(DbConnection connection, DbTransaction transaction, string account, CancellationToken cancellationToken)
    {
        // Two nodes claiming posts of one account serialise here, so "one publish in flight" holds across the cluster.
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('mops.account:' || @account))");
        Add(command, "@account", account);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
