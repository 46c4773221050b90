namespace MarketingOps.Core.Experiments;

/// <summary>
/// The experiment store's schema, one ordered list of scripts per dialect; index 0 is version 1. Append, never edit. Snapshots are clustered by
/// (post, time) for a post's history; <c>metric_latest</c> and <c>metric_hourly</c> are kept in step by every
/// insert, so an analysis reads one row per post and one row per variant-hour, never the history.
/// </summary>
internal static class ExperimentSchema
{
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        """
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
    ];
    /// <summary>
    /// The same tables on PostgreSQL, beside the post store's in one schema. Instants stay Unix milliseconds so both
    /// stores share their arithmetic; names are unique case-insensitively through an index on <c>lower(name)</c>.
    /// </summary>
    public static IReadOnlyList<string> Postgres { get; } =
    [
        """
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
        """,
    ];
}
