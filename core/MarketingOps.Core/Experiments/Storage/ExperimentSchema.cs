using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>
/// The experiment store's migrations in order, each written once with <see cref="PortableSql"/>'s placeholders, or
/// as its SQLite and PostgreSQL SQL side by side where the dialects differ in more than spelling. Append, never edit.
/// Snapshots are clustered by (post, time) for a post's history; <c>metric_latest</c> and <c>metric_hourly</c> are
/// kept in step by every insert, so an analysis reads one row per post and one row per variant-hour, never the history.
/// </summary>
internal static class ExperimentSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        // 1: experiments, their posts, the counters' snapshots, and the latest and hourly rows every insert keeps in step.
        Migration.Portable(1, """
            CREATE TABLE experiments (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL{sqlite: UNIQUE COLLATE NOCASE},
                state TEXT NOT NULL,
                definition TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                ends_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                looks INTEGER NOT NULL,
                decision TEXT NULL,
                note TEXT NULL,
                version {bigint} NOT NULL);
            {postgres:CREATE UNIQUE INDEX ux_experiments_name ON experiments (lower(name));}
            CREATE INDEX ix_experiments_state ON experiments (state);
            CREATE TABLE experiment_posts (
                key {auto key},
                experiment_id TEXT NOT NULL REFERENCES experiments (id),
                slot INTEGER NOT NULL,
                round INTEGER NOT NULL,
                variant INTEGER NOT NULL,
                account TEXT NOT NULL,
                planned_at {bigint} NOT NULL,
                slot_class TEXT NOT NULL,
                text TEXT NOT NULL,
                status TEXT NOT NULL,
                post_id TEXT NULL,
                platform_post_id TEXT NULL,
                published_at {bigint} NULL,
                detail TEXT NULL,
                UNIQUE (experiment_id, slot));
            CREATE TABLE metric_snapshots (
                post_key {bigint} NOT NULL,
                at {bigint} NOT NULL,
                deleted INTEGER NOT NULL,
                impressions {bigint} NULL,
                likes {bigint} NULL,
                reposts {bigint} NULL,
                replies {bigint} NULL,
                quotes {bigint} NULL,
                link_clicks {bigint} NULL,
                PRIMARY KEY (post_key, at)){sqlite: WITHOUT ROWID};
            CREATE TABLE metric_latest (
                post_key {bigint} PRIMARY KEY,
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                at {bigint} NOT NULL,
                deleted INTEGER NOT NULL,
                impressions {bigint} NULL,
                likes {bigint} NULL,
                reposts {bigint} NULL,
                replies {bigint} NULL,
                quotes {bigint} NULL,
                link_clicks {bigint} NULL);
            CREATE INDEX ix_metric_latest_experiment ON metric_latest (experiment_id);
            CREATE TABLE metric_hourly (
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                hour {bigint} NOT NULL,
                impressions {bigint} NOT NULL,
                likes {bigint} NOT NULL,
                reposts {bigint} NOT NULL,
                replies {bigint} NOT NULL,
                quotes {bigint} NOT NULL,
                link_clicks {bigint} NOT NULL,
                PRIMARY KEY (experiment_id, variant, hour)){sqlite: WITHOUT ROWID};
            """),

        // 2: a stopped experiment frees its name. SQLite cannot drop a column's UNIQUE, so both tables are rebuilt (posts
        // first, so no row ever points at a missing experiment) and the name is unique among the others only.
        new(
            2,
            Sqlite: """
            CREATE TABLE experiments_v2 (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE,
                state TEXT NOT NULL,
                definition TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                looks INTEGER NOT NULL,
                decision TEXT NULL,
                note TEXT NULL,
                version INTEGER NOT NULL);
            INSERT INTO experiments_v2 SELECT id, name, state, definition, created_at, ends_at, updated_at, looks, decision, note, version FROM experiments;
            CREATE TABLE experiment_posts_v2 (
                key INTEGER PRIMARY KEY AUTOINCREMENT,
                experiment_id TEXT NOT NULL REFERENCES experiments_v2 (id),
                slot INTEGER NOT NULL,
                round INTEGER NOT NULL,
                variant INTEGER NOT NULL,
                account TEXT NOT NULL,
                planned_at INTEGER NOT NULL,
                slot_class TEXT NOT NULL,
                text TEXT NOT NULL,
                status TEXT NOT NULL,
                post_id TEXT NULL,
                platform_post_id TEXT NULL,
                published_at INTEGER NULL,
                detail TEXT NULL,
                UNIQUE (experiment_id, slot));
            INSERT INTO experiment_posts_v2 SELECT key, experiment_id, slot, round, variant, account, planned_at, slot_class, text, status, post_id, platform_post_id, published_at, detail FROM experiment_posts;
            -- Keys are never reused: metric snapshots point at them.
            UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'experiment_posts')
                WHERE name = 'experiment_posts_v2' AND seq < (SELECT seq FROM sqlite_sequence WHERE name = 'experiment_posts');
            INSERT INTO sqlite_sequence (name, seq) SELECT 'experiment_posts_v2', seq FROM sqlite_sequence WHERE name = 'experiment_posts'
                AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'experiment_posts_v2');
            DROP TABLE experiment_posts;
            DROP TABLE experiments;
            ALTER TABLE experiments_v2 RENAME TO experiments;
            ALTER TABLE experiment_posts_v2 RENAME TO experiment_posts;
            CREATE INDEX ix_experiments_state ON experiments (state);
            CREATE UNIQUE INDEX ux_experiments_live_name ON experiments (name COLLATE NOCASE) WHERE state <> 'Stopped';
            """,
            Postgres: """
            DROP INDEX ux_experiments_name;
            CREATE UNIQUE INDEX ux_experiments_live_name ON experiments (lower(name)) WHERE state <> 'Stopped';
            """),

        // 3: the newest counters of every published post, experiment or not, and when to ask again.
        Migration.Portable(3, """
            CREATE TABLE post_metrics (
                post_id TEXT PRIMARY KEY,
                account TEXT NOT NULL,
                platform_post_id TEXT NOT NULL,
                published_at {bigint} NOT NULL,
                at {bigint} NULL,
                next_at {bigint} NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                impressions {bigint} NULL,
                likes {bigint} NULL,
                reposts {bigint} NULL,
                replies {bigint} NULL,
                quotes {bigint} NULL,
                link_clicks {bigint} NULL);
            CREATE INDEX ix_post_metrics_next ON post_metrics (next_at);
            CREATE INDEX ix_post_metrics_published ON post_metrics (published_at);
            """),
    ];
}
