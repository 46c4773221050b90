using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>
/// The experiment store's migrations in order, each with its SQLite and PostgreSQL SQL side by side. Append, never
/// edit. Snapshots are clustered by (post, time) for a post's history; <c>metric_latest</c> and <c>metric_hourly</c>
/// are kept in step by every insert, so an analysis reads one row per post and one row per variant-hour, never the
/// history.
/// </summary>
internal static class ExperimentSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        // 1: experiments, their posts, the counters' snapshots, and the latest and hourly rows every insert keeps in step.
        new(
            1,
            Sqlite: """
            CREATE TABLE experiments (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                state TEXT NOT NULL,
                definition TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                looks INTEGER NOT NULL,
                decision TEXT NULL,
                note TEXT NULL,
                version INTEGER NOT NULL);
            CREATE INDEX ix_experiments_state ON experiments (state);
            CREATE TABLE experiment_posts (
                key INTEGER PRIMARY KEY AUTOINCREMENT,
                experiment_id TEXT NOT NULL REFERENCES experiments (id),
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
            CREATE TABLE metric_snapshots (
                post_key INTEGER NOT NULL,
                at INTEGER NOT NULL,
                deleted INTEGER NOT NULL,
                impressions INTEGER NULL,
                likes INTEGER NULL,
                reposts INTEGER NULL,
                replies INTEGER NULL,
                quotes INTEGER NULL,
                link_clicks INTEGER NULL,
                PRIMARY KEY (post_key, at)) WITHOUT ROWID;
            CREATE TABLE metric_latest (
                post_key INTEGER PRIMARY KEY,
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                at INTEGER NOT NULL,
                deleted INTEGER NOT NULL,
                impressions INTEGER NULL,
                likes INTEGER NULL,
                reposts INTEGER NULL,
                replies INTEGER NULL,
                quotes INTEGER NULL,
                link_clicks INTEGER NULL);
            CREATE INDEX ix_metric_latest_experiment ON metric_latest (experiment_id);
            CREATE TABLE metric_hourly (
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                hour INTEGER NOT NULL,
                impressions INTEGER NOT NULL,
                likes INTEGER NOT NULL,
                reposts INTEGER NOT NULL,
                replies INTEGER NOT NULL,
                quotes INTEGER NOT NULL,
                link_clicks INTEGER NOT NULL,
                PRIMARY KEY (experiment_id, variant, hour)) WITHOUT ROWID;
            """,
            Postgres: """
            CREATE TABLE experiments (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                definition TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                looks INTEGER NOT NULL,
                decision TEXT NULL,
                note TEXT NULL,
                version BIGINT NOT NULL);
            CREATE UNIQUE INDEX ux_experiments_name ON experiments (lower(name));
            CREATE INDEX ix_experiments_state ON experiments (state);
            CREATE TABLE experiment_posts (
                key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                experiment_id TEXT NOT NULL REFERENCES experiments (id),
                slot INTEGER NOT NULL,
                round INTEGER NOT NULL,
                variant INTEGER NOT NULL,
                account TEXT NOT NULL,
                planned_at BIGINT NOT NULL,
                slot_class TEXT NOT NULL,
                text TEXT NOT NULL,
                status TEXT NOT NULL,
                post_id TEXT NULL,
                platform_post_id TEXT NULL,
                published_at BIGINT NULL,
                detail TEXT NULL,
                UNIQUE (experiment_id, slot));
            CREATE TABLE metric_snapshots (
                post_key BIGINT NOT NULL,
                at BIGINT NOT NULL,
                deleted INTEGER NOT NULL,
                impressions BIGINT NULL,
                likes BIGINT NULL,
                reposts BIGINT NULL,
                replies BIGINT NULL,
                quotes BIGINT NULL,
                link_clicks BIGINT NULL,
                PRIMARY KEY (post_key, at));
            CREATE TABLE metric_latest (
                post_key BIGINT PRIMARY KEY,
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                at BIGINT NOT NULL,
                deleted INTEGER NOT NULL,
                impressions BIGINT NULL,
                likes BIGINT NULL,
                reposts BIGINT NULL,
                replies BIGINT NULL,
                quotes BIGINT NULL,
                link_clicks BIGINT NULL);
            CREATE INDEX ix_metric_latest_experiment ON metric_latest (experiment_id);
            CREATE TABLE metric_hourly (
                experiment_id TEXT NOT NULL,
                variant INTEGER NOT NULL,
                hour BIGINT NOT NULL,
                impressions BIGINT NOT NULL,
                likes BIGINT NOT NULL,
                reposts BIGINT NOT NULL,
                replies BIGINT NOT NULL,
                quotes BIGINT NOT NULL,
                link_clicks BIGINT NOT NULL,
                PRIMARY KEY (experiment_id, variant, hour));
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
        new(
            3,
            Sqlite: """
            CREATE TABLE post_metrics (
                post_id TEXT PRIMARY KEY,
                account TEXT NOT NULL,
                platform_post_id TEXT NOT NULL,
                published_at INTEGER NOT NULL,
                at INTEGER NULL,
                next_at INTEGER NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                impressions INTEGER NULL,
                likes INTEGER NULL,
                reposts INTEGER NULL,
                replies INTEGER NULL,
                quotes INTEGER NULL,
                link_clicks INTEGER NULL);
            CREATE INDEX ix_post_metrics_next ON post_metrics (next_at);
            CREATE INDEX ix_post_metrics_published ON post_metrics (published_at);
            """,
            Postgres: """
            CREATE TABLE post_metrics (
                post_id TEXT PRIMARY KEY,
                account TEXT NOT NULL,
                platform_post_id TEXT NOT NULL,
                published_at BIGINT NOT NULL,
                at BIGINT NULL,
                next_at BIGINT NULL,
                deleted INTEGER NOT NULL DEFAULT 0,
                impressions BIGINT NULL,
                likes BIGINT NULL,
                reposts BIGINT NULL,
                replies BIGINT NULL,
                quotes BIGINT NULL,
                link_clicks BIGINT NULL);
            CREATE INDEX ix_post_metrics_next ON post_metrics (next_at);
            CREATE INDEX ix_post_metrics_published ON post_metrics (published_at);
            """),
    ];
}
