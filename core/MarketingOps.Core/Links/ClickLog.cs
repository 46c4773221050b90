using System.Data;
using System.Data.Common;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Links;

/// <summary>
/// One connection that appends clicks, kept open by the redirect's writer so a batch costs one transaction and one
/// prepared insert instead of a connection, its pragmas and a fresh statement per click.
/// </summary>
internal sealed class ClickLog : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbCommand _insert;

    private readonly LinkSchema _schema;

    private ClickLog(DbConnection connection, LinkSchema schema)
    {
        _connection = connection;
        _schema = schema;
        _insert = Prepare(connection);
    }

    /// <summary>
    /// A log on its own connection, whose commits are set up once (see <see cref="Add"/>); they do not checkpoint the
    /// WAL, which is left to <see cref="ClickCheckpoints"/> off the redirect's path.
    /// </summary>
    public static async Task<ClickLog> OpenAsync(LinkSchema schema, CancellationToken cancellationToken)
    {
        var connection = await schema.OpenAsync(cancellationToken);
        try
        {
            await schema.RelaxCommitsAsync(connection, cancellationToken);
            await schema.AutoCheckpointAsync(connection, enabled: false, cancellationToken);
            return new ClickLog(connection, schema);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stores <paramref name="clicks"/> in one transaction, on the caller's thread (a committer holds a lock around it;
    /// SQLite's calls are synchronous underneath anyway). The commit survives the host being killed the moment after
    /// (SQLite's WAL is written before the commit returns); only a power cut could take the last ones, as it could any
    /// unsynced write.
    /// </summary>
    public void Add(IReadOnlyList<LinkClick> clicks)
    {
        ArgumentNullException.ThrowIfNull(clicks);
        if (clicks.Count == 1)
        {
            _insert.Transaction = null;
            Insert(clicks[0]);
            return;
        }

        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        foreach (var click in clicks)
        {
            Insert(click);
        }

        transaction.Commit();
    }

    private void Insert(LinkClick click)
    {
        _insert.Parameters[0].Value = click.Code;
        _insert.Parameters[1].Value = click.PostId;
        _insert.Parameters[2].Value = click.At.ToUnixTimeMilliseconds();
        _insert.Parameters[3].Value = (object?)click.Agent ?? DBNull.Value;
        _insert.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The connection goes back to the pool, whose next user expects SQLite's own checkpoints.
            await _schema.AutoCheckpointAsync(_connection, enabled: true, CancellationToken.None);
        }
        catch (DbException)
        {
            // Only a connection already broken refuses a pragma; the clicks it held are committed either way.
        }

        await _insert.DisposeAsync();
        await _connection.DisposeAsync();
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
