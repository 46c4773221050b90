using System.Data.Common;
using System.Globalization;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Links;

/// <summary>
/// The tables of rewritten links beside the post store (the text as written, each link, its clicks), versioned in
/// their own table so they never renumber the post store's migrations. Append, never edit.
/// </summary>
internal sealed class LinkSchema
{
    // One script serves both dialects: TEXT, INTEGER and BIGINT mean the same to SQLite and PostgreSQL here.
    private static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE link_texts (
            post_id TEXT PRIMARY KEY,
            original_text TEXT NOT NULL,
            summary TEXT NOT NULL,
            updated_at BIGINT NOT NULL);
        CREATE TABLE post_links (
            post_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            account TEXT NOT NULL,
            original_url TEXT NOT NULL,
            target_url TEXT NOT NULL,
            code TEXT NULL UNIQUE,
            short_url TEXT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (post_id, position));
        CREATE TABLE link_clicks (
            code TEXT NOT NULL,
            post_id TEXT NOT NULL,
            at BIGINT NOT NULL,
            agent TEXT NULL);
        CREATE INDEX ix_link_clicks_post ON link_clicks (post_id, at);
        CREATE INDEX ix_link_clicks_code ON link_clicks (code, at);
        """,
    ];

    private readonly AdoPostStore _database;
    private readonly TimeProvider _time;
    private readonly OneTimeInitialization _migration;

    public LinkSchema(AdoPostStore database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _migration = new OneTimeInitialization(MigrateAsync);
    }

    public string Description => _database.Description;

    /// <summary>Opens a connection to a database whose post and link schemas are current.</summary>
    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migration.IsDone)
        {
            await _migration.EnsureAsync(cancellationToken);
        }

        return await _database.OpenAsync(cancellationToken);
    }

    /// <summary>A write transaction; <paramref name="durable"/> false survives a crash of the process but maybe not a power cut (SQLite's WAL without a sync per commit).</summary>
    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, bool durable, CancellationToken cancellationToken) =>
        _database.BeginWriteAsync(connection, durable, cancellationToken);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Readers (`mops links list` beside a busy `mops run`) never wait for the write lock when nothing is to do.
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            if (await IsCurrentAsync(connection, cancellationToken))
            {
                return;
            }
        }

        await SideSchema.MigrateAsync(_database, "link_schema_version", Migrations, "link tables", _time, cancellationToken);
    }

    private static async Task<bool> IsCurrentAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var read = AdoPostStore.Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM link_schema_version");
            return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == Migrations.Count;
        }
        catch (DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // No version table yet: migrate. (PostgreSQL: the failed statement ended no transaction; there was none.)
            return false;
        }
    }
}
