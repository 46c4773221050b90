using System.Data;
using System.Data.Common;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Links;

/// <summary>
/// One connection that appends clicks, kept open by the redirect's writer so a batch costs one transaction and one
/// prepared insert instead of a connection, its pragmas and a fresh statement per click.
/// </summary>
internal sealed class ClickLog(LinkSchema schema, DbConnection connection) : IAsyncDisposable
{
    private readonly DbCommand _insert = Prepare(connection);

    /// <summary>
    /// Stores <paramref name="clicks"/> in one transaction. The commit survives the host being killed the moment after
    /// (SQLite's WAL is written before the commit returns); only a power cut could take the last ones, as it could any
    /// unsynced write.
    /// </summary>
    public async Task AddAsync(IReadOnlyList<LinkClick> clicks, CancellationToken cancellationToken)
    {
        if (clicks.Count == 0)
        {
            return;
        }

        await using var transaction = await schema.BeginWriteAsync(connection, durable: false, cancellationToken);
        _insert.Transaction = transaction;
        foreach (var click in clicks)
        {
            _insert.Parameters[0].Value = click.Code;
            _insert.Parameters[1].Value = click.PostId;
            _insert.Parameters[2].Value = click.At.ToUnixTimeMilliseconds();
            _insert.Parameters[3].Value = (object?)click.Agent ?? DBNull.Value;
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static DbCommand Prepare(DbConnection connection)
    {
        var insert = AdoPostStore.Command(connection, null, "INSERT INTO link_clicks (code, post_id, at, agent) VALUES (@code, @post_id, @at, @agent)");
        foreach (var (name, type) in new[] { ("@code", DbType.String), ("@post_id", DbType.String), ("@at", DbType.Int64), ("@agent", DbType.String) })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            insert.Parameters.Add(parameter);
        }

        return insert;
    }
}
