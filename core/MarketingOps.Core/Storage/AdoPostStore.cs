using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Storage;

/// <summary>
/// The post store in plain parameterised SQL that SQLite and PostgreSQL both speak; a subclass supplies
/// connections, write transactions, locks and its dialect's migration scripts. Instants are Unix milliseconds.
/// </summary>
internal abstract class AdoPostStore : IPostStore
{
    /// <summary>The store <paramref name="storage"/> names: the SQLite file of <paramref name="paths"/>, or the PostgreSQL server.</summary>
    public static AdoPostStore Create(StorageOptions storage, StoragePaths paths, TimeProvider time) =>
        storage.Kind == StorageKind.Sqlite
            ? new SqlitePostStore(paths.PostsDatabase, storage.BusyTimeout, time)
            : new PostgresPostStore(storage.ConnectionString!, time);

    private const string Columns =
        "id, account, text, media, scheduled_at, due_at, state, idempotency_key, attempts, transient_failures, first_attempt_at, " +
        "platform_post_id, platform_url, experiment_id, variant, last_error, claimed_by, claimed_at, created_at, updated_at, version, " +
        "kind, recipient, in_reply_to, origin, trigger_event_id, template, approved_by, may_be_on_platform, " +
        "group_id, thread_id, thread_part, thread_parts, thread_root_id, options";

    // Where the columns end in a SELECT of them: a query that adds one reads it here.
    private static readonly int ColumnCount = Columns.Split(", ").Length;

    // The same columns read through a join, where post_transitions has an account column too.
    private static readonly string JoinedColumns = string.Join(", ", Columns.Split(", ").Select(c => "p." + c));

    private readonly TimeProvider _time;
    private readonly OneTimeInitialization _migration;
    private MigrationRunner? _migrations;

    protected AdoPostStore(TimeProvider time)
    {
        _time = time;
        _migration = new OneTimeInitialization(MigrateAsync);
    }

    public abstract string Description { get; }

    /// <summary>The dialect of <see cref="PostSchema"/>'s migrations this store runs, and of the tables kept beside it.</summary>
    internal abstract SqlDialect Dialect { get; }

    private MigrationRunner Migrations => _migrations ??= new MigrationRunner(PostSchema.Migrations, Dialect, "schema_version", _time);

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that will write; SQLite takes its write lock up front so readers never deadlock on upgrade.
    /// <paramref name="durable"/> false: the commit may be lost by a power cut (never by a process crash) because
    /// losing it is safe — only the outcome of a publish, whose loss leaves the post Publishing to be reconciled.
    /// </summary>
    protected internal abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, bool durable, CancellationToken cancellationToken);

    /// <summary>
    /// Makes every later commit on <paramref name="connection"/> one that a process crash cannot undo but a power cut
    /// might (see <see cref="BeginWriteAsync"/> with durable false), for a connection kept open by one writer.
    /// </summary>
    protected internal abstract Task RelaxCommitsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Whether commits on <paramref name="connection"/> checkpoint a grown SQLite WAL themselves (the default); a writer
    /// that turns this off runs <see cref="CheckpointAsync"/> elsewhere. Nothing to do for PostgreSQL.
    /// </summary>
    protected internal virtual Task AutoCheckpointAsync(DbConnection connection, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Copies what it can of SQLite's WAL into the database without waiting for readers or writers (a passive checkpoint); nothing for PostgreSQL.</summary>
    protected internal virtual Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises migrations between processes (SQLite's write lock already does).</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises claims of one account between processes (SQLite's write lock already does).</summary>
    protected virtual Task LockAccountAsync(DbConnection connection, DbTransaction transaction, string account, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task InitializeAsync(CancellationToken cancellationToken) => _migration.EnsureAsync(cancellationToken);

    /// <summary>Opens a connection to a database whose schema is current; the first call migrates it.</summary>
    internal async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migration.IsDone)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (await Migrations.IsCurrentAsync(connection, cancellationToken))
        {
            // Nothing to migrate: a reader (`mops post list` beside a busy `mops run`) never waits for the write lock.
            return;
        }

        await using var transaction = await BeginWriteAsync(connection, durable: true, cancellationToken);
        await LockSchemaAsync(connection, transaction, cancellationToken);
        await Migrations.ApplyAsync(
            connection,
            transaction,
            current => $"The database {Description} has schema version {current}, newer than this mops knows ({Migrations.Latest}); upgrade mops instead of downgrading the data.",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Serialises another schema's migrations between processes, as this store's own are.</summary>
    internal Task LockSchemaForAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        LockSchemaAsync(connection, transaction, cancellationToken);

    /// <summary>Runs one durable write in its own transaction (for the inbox, rejection and audience tables); returns the rows changed.</summary>
    internal async Task<int> WriteAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, durable: true, cancellationToken);
        await using var command = Command(connection, transaction, sql);
        parameters(command);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The schema version the database is at, for tests and diagnostics.</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await Migrations.VersionAsync(connection, null, cancellationToken);
    }

    public async Task<Post> InsertAsync(Post post, string reason, CancellationToken cancellationToken, InboxItem? heldItem = null) =>
        (await InsertAllAsync([new NewPost(post, reason, heldItem)], cancellationToken))[0];

    public async Task<IReadOnlyList<Post>> InsertAllAsync(IReadOnlyList<NewPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        foreach (var (post, _, _) in posts)
        {
            if (!PostStateMachine.InitialStates.Contains(post.State))
            {
                throw new IllegalTransitionException($"A new post cannot start as {post.State}; it starts as one of {string.Join(", ", PostStateMachine.InitialStates)}.");
            }
        }

        var stored = new List<Post>(posts.Count);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, durable: true, cancellationToken);
        foreach (var (post, reason, heldItem) in posts)
        {
            var row = post with { Version = 1 };
            await using (var insert = Command(connection, transaction, $"INSERT INTO posts ({Columns}) VALUES (@id, @account, @text, @media, @scheduled_at, @due_at, @state, @idempotency_key, @attempts, @transient_failures, @first_attempt_at, @platform_post_id, @platform_url, @experiment_id, @variant, @last_error, @claimed_by, @claimed_at, @created_at, @updated_at, @version, @kind, @recipient, @in_reply_to, @origin, @trigger_event_id, @template, @approved_by, @may_be_on_platform, @group_id, @thread_id, @thread_part, @thread_parts, @thread_root_id, @options)"))
            {
                AddPost(insert, row);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await InsertTransitionAsync(connection, transaction, row, null, row.CreatedAt, reason, cancellationToken);
            await InsertHeldItemAsync(connection, transaction, heldItem, cancellationToken);
            stored.Add(row);
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task InsertHeldItemAsync(DbConnection connection, DbTransaction transaction, InboxItem? heldItem, CancellationToken cancellationToken)
    {
        if (heldItem is null)
        {
            return;
        }

        await using var insert = Command(connection, transaction, SqlInboxStore.InsertSql);
        SqlInboxStore.AddItem(insert, heldItem);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Post?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM posts WHERE id = @id");
        Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPost(reader) : null;
    }

    public async Task<IReadOnlyList<PostTransition>> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT at, from_state, to_state, reason FROM post_transitions WHERE post_id = @id ORDER BY seq");
        Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<PostTransition>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new PostTransition(
                FromUnix(reader.GetInt64(0)),
                reader.IsDBNull(1) ? null : Enum.Parse<PostState>(reader.GetString(1)),
                Enum.Parse<PostState>(reader.GetString(2)),
                reader.GetString(3)));
        }

        return history;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListClaimsSinceAsync(string account, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await RecentClaimsAsync(connection, null, account, since, limit, cancellationToken);
    }

    public async Task<(string PostId, DateTimeOffset At)?> LastMovedToAsync(string account, PostState state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT post_id, at FROM post_transitions WHERE account = @account AND to_state = @state ORDER BY at DESC LIMIT 1");
        Add(command, "@account", account);
        Add(command, "@state", state.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), FromUnix(reader.GetInt64(1))) : null;
    }

    public async Task<IReadOnlyList<Post>> ListAsync(PostQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, string.Empty);
        var where = Conditions(command, query);
        if (query.After is { } after)
        {
            // A row value, which both SQLite and PostgreSQL answer with a range of ix_posts_due or ix_posts_account_due.
            where.Add("(due_at, id) > (@after_due, @after_id)");
            Add(command, "@after_due", after.DueAt.ToUnixTimeMilliseconds());
            Add(command, "@after_id", after.Id);
        }

        Add(command, "@limit", query.Limit);
        command.CommandText = $"SELECT {Columns} FROM posts {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))} ORDER BY due_at, id LIMIT @limit";
        return await ReadPostsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DueWindow>> SummarizeDueAsync(IReadOnlyList<DateTimeOffset> bounds, PostQuery filter, int firstPerWindow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPerWindow);
        var windows = Math.Max(bounds.Count - 1, 0);
        var counts = new Dictionary<PostState, int>[windows];
        var first = new List<Post>[windows];
        for (var i = 0; i < windows; i++)
        {
            if (bounds[i + 1] < bounds[i])
            {
                throw new ArgumentException("The bounds must ascend.", nameof(bounds));
            }

            counts[i] = [];
            first[i] = [];
        }

        if (windows > 0)
        {
            await using var connection = await OpenAsync(cancellationToken);

            // Counts: one index range per window (ix_posts_due, or ix_posts_account_due for one account), counted in the database.
            await using (var count = Command(connection, null, string.Empty))
            {
                var where = Conditions(count, filter);
                AddBounds(count, bounds);
                var days = string.Join(", ", Enumerable.Range(0, windows).Select(i => Invariant($"({i}, @b{i}, @b{i + 1})")));
                count.CommandText =
                    $"WITH windows (n, window_from, window_to) AS (VALUES {days}) " +
                    "SELECT windows.n, posts.state, COUNT(*) FROM windows JOIN posts ON posts.due_at >= windows.window_from AND posts.due_at < windows.window_to" +
                    (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where.Select(c => "posts." + c))) +
                    " GROUP BY windows.n, posts.state";
                await using var reader = await count.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)][Enum.Parse<PostState>(reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                }
            }

            // The first rows of each window: one short index range each, in one statement; only windows with posts are asked.
            var asked = Enumerable.Range(0, windows).Where(i => counts[i].Count > 0).ToList();
            if (firstPerWindow > 0 && asked.Count > 0)
            {
                await using var read = Command(connection, null, string.Empty);
                var where = Conditions(read, filter);
                AddBounds(read, bounds);
                Add(read, "@first", firstPerWindow);
                var and = string.Concat(where.Select(c => " AND " + c));
                read.CommandText = string.Join(" UNION ALL ", asked.Select(i => Invariant(
                    $"SELECT * FROM (SELECT {Columns}, {i} AS n FROM posts WHERE due_at >= @b{i} AND due_at < @b{i + 1}{and} ORDER BY due_at, id LIMIT @first) AS w{i}")));
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    first[Convert.ToInt32(reader.GetValue(ColumnCount), CultureInfo.InvariantCulture)].Add(ReadPost(reader));
                }
            }
        }

        // UNION ALL promises no order: each window's rows are put in list order here.
        return [.. Enumerable.Range(0, windows).Select(i => new DueWindow(counts[i], [.. first[i].OrderBy(p => p.DueAt).ThenBy(p => p.Id, StringComparer.Ordinal)]))];
    }

    private static void AddBounds(DbCommand command, IReadOnlyList<DateTimeOffset> bounds)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            Add(command, Invariant($"@b{i}"), bounds[i].ToUnixTimeMilliseconds());
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>The conditions of a query's filters (not its cursor), each with its parameter added to <paramref name="command"/>.</summary>
    private static List<string> Conditions(DbCommand command, PostQuery query)
    {
        var where = new List<string>();
        void Filter(string condition, string parameter, object value)
        {
            where.Add(condition);
            Add(command, parameter, value);
        }

        if (query.State is { } state)
        {
            Filter("state = @state", "@state", state.ToString());
        }

        if (query.Account is { } account)
        {
            Filter("account = @account", "@account", account);
        }

        if (query.DueBefore is { } before)
        {
            Filter("due_at < @due_before", "@due_before", before.ToUnixTimeMilliseconds());
        }

        if (query.DueFrom is { } from)
        {
            Filter("due_at >= @due_from", "@due_from", from.ToUnixTimeMilliseconds());
        }

        if (query.ExperimentId is { } experiment)
        {
            Filter("experiment_id = @experiment_id", "@experiment_id", experiment);
        }

        if (query.GroupId is { } group)
        {
            Filter("group_id = @group_id", "@group_id", group);
        }

        if (query.ThreadId is { } thread)
        {
            Filter("thread_id = @thread_id", "@thread_id", thread);
        }

        if (query.PlatformPostId is { } platformPostId)
        {
            Filter("platform_post_id = @platform_post_id", "@platform_post_id", platformPostId);
        }

        return where;
    }

    private static async Task<List<Post>> ReadPostsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var posts = new List<Post>();
        while (await reader.ReadAsync(cancellationToken))
        {
            posts.Add(ReadPost(reader));
        }

        return posts;
    }

    public async Task<IReadOnlyList<Post>> ListDueSinceAsync(IReadOnlyCollection<PostState> states, DateTimeOffset dueFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, string.Empty);
        var names = new List<string>(states.Count);
        foreach (var state in states)
        {
            var name = "@s" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            Add(command, name, state.ToString());
        }

        Add(command, "@due_from", dueFrom.ToUnixTimeMilliseconds());
        // ix_posts_state_due answers this with one range per state.
        command.CommandText = $"SELECT {Columns} FROM posts WHERE state IN ({string.Join(", ", names)}) AND due_at >= @due_from ORDER BY due_at, id";
        return await ReadPostsAsync(command, cancellationToken);
    }

    public async Task<long> GetChangePositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM post_transitions");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<PostChange>> ListChangesAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {JoinedColumns}, t.seq FROM post_transitions t JOIN posts p ON p.id = t.post_id WHERE t.seq > @after ORDER BY t.seq LIMIT @limit");
        Add(command, "@after", after);
        Add(command, "@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<PostChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new PostChange(reader.GetInt64(ColumnCount), ReadPost(reader)));
        }

        return changes;
    }

    public async Task<Post?> TryTransitionAsync(Post current, Post next, string reason, CancellationToken cancellationToken, InboxItem? heldItem = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        PostStateMachine.Ensure(current.Id, current.State, next.State);
        await using var connection = await OpenAsync(cancellationToken);
        // Leaving Publishing records an outcome: if a power cut loses it, the post is Publishing again and is
        // reconciled by lookup. Every other change (a cancel above all) must survive.
        await using var transaction = await BeginWriteAsync(connection, durable: current.State != PostState.Publishing, cancellationToken);
        var stored = await TryUpdateAsync(connection, transaction, current, next, reason, cancellationToken);
        if (stored is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await InsertHeldItemAsync(connection, transaction, heldItem, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<ClaimResult> TryClaimAsync(Post current, DateTimeOffset now, string instanceId, IReadOnlyList<RateBudget> budgets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(budgets);
        if (current.State != PostState.Scheduled)
        {
            return new ClaimResult(ClaimOutcome.Lost, current);
        }

        await using var connection = await OpenAsync(cancellationToken);
        // Publishing must be on disk before the plugin is called, or a power cut could let the post go out twice.
        await using var transaction = await BeginWriteAsync(connection, durable: true, cancellationToken);
        await LockAccountAsync(connection, transaction, current.Account, cancellationToken);

        await using (var busy = Command(connection, transaction, "SELECT id FROM posts WHERE account = @account AND state = @publishing AND id <> @id LIMIT 1"))
        {
            Add(busy, "@account", current.Account);
            Add(busy, "@publishing", nameof(PostState.Publishing));
            Add(busy, "@id", current.Id);
            if (await busy.ExecuteScalarAsync(cancellationToken) is string other)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new ClaimResult(ClaimOutcome.AccountBusy, current, BusyWith: other);
            }
        }

        DateTimeOffset? retryAt = null;
        RateBudget? spent = null;
        foreach (var budget in budgets)
        {
            var recent = await RecentClaimsAsync(connection, transaction, current.Account, now - budget.Window, budget.Limit, cancellationToken);
            if (recent.Count >= budget.Limit && budget.Limit > 0)
            {
                // The window frees a slot when the oldest of the last Limit claims leaves it.
                var frees = recent[^1] + budget.Window;
                if (retryAt is null || frees > retryAt)
                {
                    retryAt = frees;
                    spent = budget;
                }
            }
        }

        if (retryAt is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ClaimResult(ClaimOutcome.BudgetSpent, current, retryAt, spent);
        }

        var attempt = current.Attempts + 1;
        var next = current with
        {
            State = PostState.Publishing,
            Attempts = attempt,
            FirstAttemptAt = current.FirstAttemptAt ?? now,
            ClaimedBy = instanceId,
            ClaimedAt = now,
            UpdatedAt = now,
        };
        var stored = await TryUpdateAsync(connection, transaction, current, next, $"attempt {attempt.ToString(CultureInfo.InvariantCulture)} by {instanceId}", cancellationToken);
        if (stored is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ClaimResult(ClaimOutcome.Lost, current);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ClaimResult(ClaimOutcome.Claimed, stored);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    internal static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a parameter; a null needs its <paramref name="type"/> when it is not text (PostgreSQL checks).</summary>
    internal static void Add(DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameter.DbType = type ?? value switch
        {
            long => DbType.Int64,
            int => DbType.Int32,
            _ => DbType.String,
        };
        command.Parameters.Add(parameter);
    }

    private static async Task<List<DateTimeOffset>> RecentClaimsAsync(DbConnection connection, DbTransaction? transaction, string account, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT at FROM post_transitions WHERE account = @account AND to_state = @publishing AND at > @since ORDER BY at DESC LIMIT @limit");
        Add(command, "@account", account);
        Add(command, "@publishing", nameof(PostState.Publishing));
        Add(command, "@since", since.ToUnixTimeMilliseconds());
        Add(command, "@limit", Math.Max(limit, 1));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var times = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            times.Add(FromUnix(reader.GetInt64(0)));
        }

        return times;
    }

    private static async Task<Post?> TryUpdateAsync(DbConnection connection, DbTransaction transaction, Post current, Post next, string reason, CancellationToken cancellationToken)
    {
        var stored = next with { Id = current.Id, Version = current.Version + 1 };
        await using (var update = Command(connection, transaction,
            "UPDATE posts SET account = @account, text = @text, media = @media, scheduled_at = @scheduled_at, due_at = @due_at, state = @state, " +
            "idempotency_key = @idempotency_key, attempts = @attempts, transient_failures = @transient_failures, first_attempt_at = @first_attempt_at, " +
            "platform_post_id = @platform_post_id, platform_url = @platform_url, experiment_id = @experiment_id, variant = @variant, last_error = @last_error, " +
            "claimed_by = @claimed_by, claimed_at = @claimed_at, created_at = @created_at, updated_at = @updated_at, version = @version, " +
            "kind = @kind, recipient = @recipient, in_reply_to = @in_reply_to, origin = @origin, trigger_event_id = @trigger_event_id, template = @template, approved_by = @approved_by, may_be_on_platform = @may_be_on_platform, " +
            "group_id = @group_id, thread_id = @thread_id, thread_part = @thread_part, thread_parts = @thread_parts, thread_root_id = @thread_root_id, options = @options " +
            "WHERE id = @id AND version = @expected"))
        {
            AddPost(update, stored);
            Add(update, "@expected", current.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await InsertTransitionAsync(connection, transaction, stored, current.State, stored.UpdatedAt, reason, cancellationToken);
        return stored;
    }

    private static async Task InsertTransitionAsync(DbConnection connection, DbTransaction transaction, Post post, PostState? from, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "INSERT INTO post_transitions (post_id, account, at, from_state, to_state, reason) VALUES (@post_id, @account, @at, @from_state, @to_state, @reason)");
        Add(command, "@post_id", post.Id);
        Add(command, "@account", post.Account);
        Add(command, "@at", at.ToUnixTimeMilliseconds());
        Add(command, "@from_state", from?.ToString());
        Add(command, "@to_state", post.State.ToString());
        Add(command, "@reason", reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddPost(DbCommand command, Post post)
    {
        Add(command, "@id", post.Id);
        Add(command, "@account", post.Account);
        Add(command, "@text", post.Text);
        Add(command, "@media", JsonSerializer.Serialize(post.Media));
        Add(command, "@scheduled_at", post.ScheduledAt.ToUnixTimeMilliseconds());
        Add(command, "@due_at", post.DueAt.ToUnixTimeMilliseconds());
        Add(command, "@state", post.State.ToString());
        Add(command, "@idempotency_key", post.IdempotencyKey);
        Add(command, "@attempts", post.Attempts);
        Add(command, "@transient_failures", post.TransientFailures);
        Add(command, "@first_attempt_at", post.FirstAttemptAt?.ToUnixTimeMilliseconds(), DbType.Int64);
        Add(command, "@platform_post_id", post.PlatformPostId);
        Add(command, "@platform_url", post.PlatformUrl?.ToString());
        Add(command, "@experiment_id", post.ExperimentId);
        Add(command, "@variant", post.Variant);
        Add(command, "@last_error", post.LastError);
        Add(command, "@claimed_by", post.ClaimedBy);
        Add(command, "@claimed_at", post.ClaimedAt?.ToUnixTimeMilliseconds(), DbType.Int64);
        Add(command, "@created_at", post.CreatedAt.ToUnixTimeMilliseconds());
        Add(command, "@updated_at", post.UpdatedAt.ToUnixTimeMilliseconds());
        Add(command, "@version", post.Version);
        Add(command, "@kind", post.Kind.ToString());
        Add(command, "@recipient", post.Recipient);
        Add(command, "@in_reply_to", post.InReplyTo);
        Add(command, "@origin", post.Origin.ToString());
        Add(command, "@trigger_event_id", post.TriggerEventId);
        Add(command, "@template", post.Template is null ? null : JsonSerializer.Serialize(post.Template));
        Add(command, "@approved_by", post.ApprovedBy);
        Add(command, "@may_be_on_platform", post.MayBeOnPlatform ? 1L : 0L);
        Add(command, "@group_id", post.GroupId);
        Add(command, "@thread_id", post.ThreadId);
        Add(command, "@thread_part", post.ThreadPart);
        Add(command, "@thread_parts", post.ThreadParts);
        Add(command, "@thread_root_id", post.ThreadRootId);
        Add(command, "@options", post.Options.Count == 0 ? null : JsonSerializer.Serialize(post.Options));
    }

    private static Post ReadPost(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        FromUnix(r.GetInt64(4)),
        Enum.Parse<PostState>(r.GetString(6)),
        r.GetString(7))
    {
        Media = JsonSerializer.Deserialize<List<MediaAttachment>>(r.GetString(3)) ?? [],
        DueAt = FromUnix(r.GetInt64(5)),
        Attempts = r.GetInt32(8),
        TransientFailures = r.GetInt32(9),
        FirstAttemptAt = r.IsDBNull(10) ? null : FromUnix(r.GetInt64(10)),
        PlatformPostId = r.IsDBNull(11) ? null : r.GetString(11),
        PlatformUrl = r.IsDBNull(12) ? null : new Uri(r.GetString(12)),
        ExperimentId = r.IsDBNull(13) ? null : r.GetString(13),
        Variant = r.IsDBNull(14) ? null : r.GetString(14),
        LastError = r.IsDBNull(15) ? null : r.GetString(15),
        ClaimedBy = r.IsDBNull(16) ? null : r.GetString(16),
        ClaimedAt = r.IsDBNull(17) ? null : FromUnix(r.GetInt64(17)),
        CreatedAt = FromUnix(r.GetInt64(18)),
        UpdatedAt = FromUnix(r.GetInt64(19)),
        Version = r.GetInt64(20),
        Kind = Enum.Parse<MessageKind>(r.GetString(21)),
        Recipient = r.IsDBNull(22) ? null : r.GetString(22),
        InReplyTo = r.IsDBNull(23) ? null : r.GetString(23),
        Origin = Enum.Parse<MessageOrigin>(r.GetString(24)),
        TriggerEventId = r.IsDBNull(25) ? null : r.GetString(25),
        Template = r.IsDBNull(26) ? null : JsonSerializer.Deserialize<MessageTemplate>(r.GetString(26)),
        ApprovedBy = r.IsDBNull(27) ? null : r.GetString(27),
        MayBeOnPlatform = r.GetInt64(28) != 0,
        GroupId = r.IsDBNull(29) ? null : r.GetString(29),
        ThreadId = r.IsDBNull(30) ? null : r.GetString(30),
        ThreadPart = Convert.ToInt32(r.GetValue(31), CultureInfo.InvariantCulture),
        ThreadParts = Convert.ToInt32(r.GetValue(32), CultureInfo.InvariantCulture),
        ThreadRootId = r.IsDBNull(33) ? null : r.GetString(33),
        Options = r.IsDBNull(34) ? PlatformOptions.None : JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(34)) ?? PlatformOptions.None,
    };

    internal static DateTimeOffset FromUnix(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
