namespace MarketingOps.Core.Storage;

/// <summary>
/// The post store's migrations in order, each with its SQLite and PostgreSQL SQL side by side (one script where both
/// speak it alike). Append, never edit: a shipped migration's SQL is pinned by <c>ShippedMigrationsTests</c>.
/// </summary>
internal static class PostSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        // 1: posts and their transitions.
        new(
            1,
            Sqlite: """
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
            Postgres: """
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
            """),

        // 2: what a message is (kind, recipient, in-reply-to, origin, trigger, template, approval).
        new(2, both: """
            ALTER TABLE posts ADD COLUMN kind TEXT NOT NULL DEFAULT 'Post';
            ALTER TABLE posts ADD COLUMN recipient TEXT NULL;
            ALTER TABLE posts ADD COLUMN in_reply_to TEXT NULL;
            ALTER TABLE posts ADD COLUMN origin TEXT NOT NULL DEFAULT 'Hand';
            ALTER TABLE posts ADD COLUMN trigger_event_id TEXT NULL;
            ALTER TABLE posts ADD COLUMN template TEXT NULL;
            ALTER TABLE posts ADD COLUMN approved_by TEXT NULL;
            """),

        // 3: the inbox, guardrail rejections and audience events, which lived in JSON files and memory before.
        new(
            3,
            Sqlite: """
            CREATE TABLE inbox_items (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                account_key TEXT NOT NULL,
                source TEXT NOT NULL,
                trigger_event_id TEXT NULL,
                proposed_at INTEGER NOT NULL,
                item TEXT NOT NULL);
            CREATE INDEX ix_inbox_status ON inbox_items (status, proposed_at);
            CREATE INDEX ix_inbox_trigger ON inbox_items (source, account_key, trigger_event_id);
            CREATE TABLE guardrail_rejections (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL,
                account TEXT NOT NULL,
                kind TEXT NOT NULL,
                origin TEXT NOT NULL,
                rule TEXT NOT NULL,
                reason TEXT NOT NULL,
                at INTEGER NOT NULL);
            CREATE INDEX ix_rejections_at ON guardrail_rejections (at);
            CREATE TABLE audience_events (
                account_key TEXT NOT NULL,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                handle TEXT NOT NULL,
                handle_key TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                text TEXT NULL,
                post_id TEXT NULL,
                PRIMARY KEY (account_key, event_id));
            CREATE INDEX ix_audience_handle ON audience_events (account_key, handle_key, occurred_at);
            CREATE INDEX ix_audience_post ON audience_events (account_key, post_id);
            """,
            Postgres: """
            CREATE TABLE inbox_items (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                account_key TEXT NOT NULL,
                source TEXT NOT NULL,
                trigger_event_id TEXT NULL,
                proposed_at BIGINT NOT NULL,
                item TEXT NOT NULL);
            CREATE INDEX ix_inbox_status ON inbox_items (status, proposed_at);
            CREATE INDEX ix_inbox_trigger ON inbox_items (source, account_key, trigger_event_id);
            CREATE TABLE guardrail_rejections (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id TEXT NOT NULL,
                account TEXT NOT NULL,
                kind TEXT NOT NULL,
                origin TEXT NOT NULL,
                rule TEXT NOT NULL,
                reason TEXT NOT NULL,
                at BIGINT NOT NULL);
            CREATE INDEX ix_rejections_at ON guardrail_rejections (at);
            CREATE TABLE audience_events (
                account_key TEXT NOT NULL,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                handle TEXT NOT NULL,
                handle_key TEXT NOT NULL,
                occurred_at BIGINT NOT NULL,
                text TEXT NULL,
                post_id TEXT NULL,
                PRIMARY KEY (account_key, event_id));
            CREATE INDEX ix_audience_handle ON audience_events (account_key, handle_key, occurred_at);
            CREATE INDEX ix_audience_post ON audience_events (account_key, post_id);
            """),

        // 4: whether an earlier attempt may be on the platform, and the running hosts' leases (heartbeats) that tell a
        // live claim from an orphan.
        new(
            4,
            Sqlite: """
            ALTER TABLE posts ADD COLUMN may_be_on_platform INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE host_leases (
                instance_id TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                renewed_at INTEGER NOT NULL);
            """,
            Postgres: """
            ALTER TABLE posts ADD COLUMN may_be_on_platform BIGINT NOT NULL DEFAULT 0;
            CREATE TABLE host_leases (
                instance_id TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                renewed_at BIGINT NOT NULL);
            """),

        // 5: post groups (one post per account, scheduled together) and threads (parts published in order, each a post
        // of its own with its own key and state).
        new(5, both: """
            ALTER TABLE posts ADD COLUMN group_id TEXT NULL;
            ALTER TABLE posts ADD COLUMN thread_id TEXT NULL;
            ALTER TABLE posts ADD COLUMN thread_part INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE posts ADD COLUMN thread_parts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE posts ADD COLUMN thread_root_id TEXT NULL;
            CREATE INDEX ix_posts_group ON posts (group_id);
            CREATE INDEX ix_posts_thread ON posts (thread_id, thread_part);
            """),

        // 6: posts in the order every list pages them (due time, then id), overall and per account, so a page reads its
        // rows from an index instead of sorting the whole table.
        new(6, both: """
            CREATE INDEX ix_posts_due ON posts (due_at, id);
            CREATE INDEX ix_posts_account_due ON posts (account, due_at, id);
            """),

        // 7: those two indexes also carry the state, and one more serves an experiment's range of due times, so the
        // calendar counts a month's posts per day and state and reads each day's first few from the indexes alone,
        // without touching every row.
        new(7, both: """
            DROP INDEX ix_posts_due;
            CREATE INDEX ix_posts_due ON posts (due_at, id, state);
            DROP INDEX ix_posts_account_due;
            CREATE INDEX ix_posts_account_due ON posts (account, due_at, id, state);
            CREATE INDEX ix_posts_experiment_due ON posts (experiment_id, due_at);
            """),

        // 8: a post's platform options (visibility, reply settings, …) as a JSON object, null when it has none.
        new(8, both: """
            ALTER TABLE posts ADD COLUMN options TEXT NULL;
            """),
    ];
}
