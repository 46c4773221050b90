namespace MarketingOps.Core.Storage;

/// <summary>The post store's schema, one ordered list of scripts per dialect; index 0 is version 1. Append, never edit.</summary>
internal static class SchemaScripts
{
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        """
        CREATE TABLE posts (
            id TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            text TEXT NOT NULL,
            media TEXT NOT NULL,
            scheduled_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            transient_failures INTEGER NOT NULL,
            first_attempt_at INTEGER NULL,
            platform_post_id TEXT NULL,
            platform_url TEXT NULL,
            experiment_id TEXT NULL,
            variant TEXT NULL,
            last_error TEXT NULL,
            claimed_by TEXT NULL,
            claimed_at INTEGER NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL);
        CREATE INDEX ix_posts_state_due ON posts (state, due_at);
        CREATE INDEX ix_posts_account_state ON posts (account, state);
        CREATE TABLE post_transitions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            post_id TEXT NOT NULL REFERENCES posts (id),
            account TEXT NOT NULL,
            at INTEGER NOT NULL,
            from_state TEXT NULL,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL);
        CREATE INDEX ix_transitions_post ON post_transitions (post_id, seq);
        CREATE INDEX ix_transitions_account ON post_transitions (account, to_state, at);
        """,
    ];

    public static IReadOnlyList<string> Postgres { get; } =
    [
        """
        CREATE TABLE posts (
            id TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            text TEXT NOT NULL,
            media TEXT NOT NULL,
            scheduled_at BIGINT NOT NULL,
            due_at BIGINT NOT NULL,
            state TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            transient_failures INTEGER NOT NULL,
            first_attempt_at BIGINT NULL,
            platform_post_id TEXT NULL,
            platform_url TEXT NULL,
            experiment_id TEXT NULL,
            variant TEXT NULL,
            last_error TEXT NULL,
            claimed_by TEXT NULL,
            claimed_at BIGINT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX ix_posts_state_due ON posts (state, due_at);
        CREATE INDEX ix_posts_account_state ON posts (account, state);
        CREATE TABLE post_transitions (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            post_id TEXT NOT NULL REFERENCES posts (id),
            account TEXT NOT NULL,
            at BIGINT NOT NULL,
            from_state TEXT NULL,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL);
        CREATE INDEX ix_transitions_post ON post_transitions (post_id, seq);
        CREATE INDEX ix_transitions_account ON post_transitions (account, to_state, at);
        """,
    ];
}
