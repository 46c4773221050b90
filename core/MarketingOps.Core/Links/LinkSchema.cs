using System.Data.Common;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Links;

/// <summary>
/// The tables of rewritten links beside the post store (the text as written, each link, its clicks), versioned in
/// their own table so they never renumber the post store's migrations. Append, never edit.
/// </summary>
internal sealed class LinkSchema : SideSchema
{
    // One script serves both dialects: TEXT, INTEGER and BIGINT mean the same to SQLite and PostgreSQL here.
    internal static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, both: """
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
            """),

        // How far the click journal beside a SQLite database is imported into link_clicks (see ClickJournal).
        new(2, both: """
            CREATE TABLE link_click_journal (
                id INTEGER PRIMARY KEY,
                imported BIGINT NOT NULL);
            """),
    ];

    public LinkSchema(AdoPostStore database, TimeProvider time)
        : base(database, time, "link_schema_version", "link tables", Migrations)
    {
    }

    /// <summary>The file a SQLite database's clicks are written to before they are imported (<see cref="ClickJournal"/>); null for PostgreSQL, whose clicks are committed directly.</summary>
    public string? ClickJournalPath => Database is SqlitePostStore sqlite ? sqlite.Path + "-clicks" : null;

    /// <summary>A write transaction; <paramref name="durable"/> false survives a crash of the process but maybe not a power cut (SQLite's WAL without a sync per commit).</summary>
    public ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, bool durable, CancellationToken cancellationToken) =>
        Database.BeginWriteAsync(connection, durable, cancellationToken);

    /// <summary>Every later commit on <paramref name="connection"/> as one of <see cref="BeginWriteAsync"/> with durable false.</summary>
    public Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Database.RelaxCommitsAsync(connection, cancellationToken);

    /// <summary>Whether commits on <paramref name="connection"/> checkpoint SQLite's WAL themselves (see <see cref="AdoPostStore.AutoCheckpointAsync"/>).</summary>
    public Task AutoCheckpointAsync(DbConnection connection, bool enabled, CancellationToken cancellationToken) =>
        Database.AutoCheckpointAsync(connection, enabled, cancellationToken);

    /// <summary>A passive checkpoint of SQLite's WAL on <paramref name="connection"/> (see <see cref="AdoPostStore.CheckpointAsync"/>).</summary>
    public Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Database.CheckpointAsync(connection, cancellationToken);
}
