using System.Data;
using System.Data.Common;
using System.Globalization;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>
/// The experiment store of a cluster: the same tables as <see cref="SqliteExperimentStore"/> in the PostgreSQL
/// schema the post store uses, so every host sees one set of experiments. Batches travel as arrays through
/// <c>unnest</c>: a metrics round is four statements however many snapshots it carries.
/// </summary>
internal sealed class PostgresExperimentStore : AdoExperimentStore, IAsyncDisposable
{
    // Arbitrary constant naming the "migrating the experiment schema" advisory lock (the post store's is 0x6d6f7073).
    private const long SchemaLockKey = 0x6d6f7074;
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresExperimentStore(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Description { get; }

    protected override SqlDialect Dialect => SqlDialect.Postgres;

    // Its own version table: the post store's schema_version lives in the same schema.
    protected override string VersionTable => "experiment_schema_version";

    protected override string NameMatches => "lower(name) = lower(@q)";

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Hosts starting together migrate one after another; the second finds the work done.
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)");
        Add(command, "@key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts)> CreateAsync(Experiment experiment, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(posts);
        var stored = experiment with { Version = 1 };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var exists = Command(connection, transaction, $"SELECT id, state FROM experiments WHERE lower(name) = lower(@name) AND state <> '{nameof(ExperimentState.Stopped)}'"))
        {
            exists.Parameters.AddWithValue("@name", experiment.Name);
            await using var reader = await exists.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new ExperimentRequestException(ExperimentNames.Taken(experiment.Name, reader.GetString(0), Enum.Parse<ExperimentState>(reader.GetString(1))));
            }
        }

        try
        {
            await using var insert = Command(connection, transaction, $"INSERT INTO experiments ({ExperimentColumns}) VALUES (@id, @name, @state, @definition, @created_at, @ends_at, @updated_at, @looks, @decision, @note, @version)");
            AddExperiment(insert, stored);

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.ConstraintName == "ux_experiments_live_name")
        {
            // Another host created the name between the check and the insert.
            throw new ExperimentRequestException($"An experiment named '{experiment.Name}' was created meanwhile; choose another name.");
        }

        var result = await InsertPostsAsync(connection, transaction, stored.Id, posts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (stored, result);
    }

    public override async Task<IReadOnlyList<ExperimentPost>> AddPostsAsync(string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two hosts adding picks to one experiment number them one after the other.
        await using (var lockExperiment = Command(connection, transaction, "SELECT id FROM experiments WHERE id = @e FOR UPDATE"))
        {
            lockExperiment.Parameters.AddWithValue("@e", experimentId);
            await lockExperiment.ExecuteNonQueryAsync(cancellationToken);
        }

        var numbered = await NumberAfterLastSlotAsync(connection, transaction, experimentId, posts, cancellationToken);
        var result = await InsertPostsAsync(connection, transaction, experimentId, numbered, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public override async Task UpdatePostsAsync(IReadOnlyList<ExperimentPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection, null,
            "UPDATE experiment_posts p SET status = u.status, post_id = u.post_id, platform_post_id = u.platform_post_id, published_at = u.published_at, detail = u.detail " +
            "FROM unnest(@key, @status, @post_id, @platform_post_id, @published_at, @detail) AS u (key, status, post_id, platform_post_id, published_at, detail) WHERE p.key = u.key");
        AddArray(update, "@key", NpgsqlDbType.Bigint, posts.Select(p => p.Key).ToArray());
        AddArray(update, "@status", NpgsqlDbType.Text, posts.Select(p => p.Status.ToString()).ToArray());
        AddArray(update, "@post_id", NpgsqlDbType.Text, posts.Select(p => p.PostId).ToArray());
        AddArray(update, "@platform_post_id", NpgsqlDbType.Text, posts.Select(p => p.PlatformPostId).ToArray());
        AddArray(update, "@published_at", NpgsqlDbType.Bigint, posts.Select(p => p.PublishedAt?.ToUnixTimeMilliseconds()).ToArray());
        AddArray(update, "@detail", NpgsqlDbType.Text, posts.Select(p => p.Detail).ToArray());
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task AddSnapshotsAsync(IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var posts = await LockLatestAsync(connection, transaction, snapshots, cancellationToken);

        // One row per (post, instant) goes to the history; the first of a batch's repeats is the one kept, as a
        // row-by-row insert would keep it.
        var unique = snapshots.DistinctBy(s => (s.PostKey, s.At)).ToList();
        var inserted = await InsertHistoryAsync(connection, transaction, unique, cancellationToken);

        // The derived tables move on in memory in the order given, then reach the database once per post and hour.
        var hourly = new Dictionary<(string Experiment, int Variant, long Hour), long[]>();
        var changed = new HashSet<long>();
        foreach (var snapshot in snapshots)
        {
            var at = snapshot.At.ToUnixTimeMilliseconds();
            var post = posts[snapshot.PostKey];

            // A repeated or late snapshot is kept in the history but cannot move "latest" backwards.
            if (!inserted.Remove((snapshot.PostKey, at)) || (post.At is { } p && at <= p))
            {
                continue;
            }

            var previous = post.Counters;
            var current = snapshot.Deleted ? previous : snapshot.Counters.Over(previous);
            posts[snapshot.PostKey] = post with { At = at, Deleted = snapshot.Deleted, Counters = current };
            changed.Add(snapshot.PostKey);

            var hour = (post.Experiment, post.Variant, Math.DivRem(at, HourMilliseconds).Quotient);
            if (!hourly.TryGetValue(hour, out var gains))
            {
                hourly[hour] = gains = new long[6];
            }

            gains[0] += Gain(current.Impressions, previous.Impressions);
            gains[1] += Gain(current.Likes, previous.Likes);
            gains[2] += Gain(current.Reposts, previous.Reposts);
            gains[3] += Gain(current.Replies, previous.Replies);
            gains[4] += Gain(current.Quotes, previous.Quotes);
            gains[5] += Gain(current.LinkClicks, previous.LinkClicks);
        }

        await UpsertLatestAsync(connection, transaction, [.. changed.Select(key => (key, posts[key]))], cancellationToken);
        await AddHourlyAsync(connection, transaction, hourly, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => (NpgsqlConnection)await OpenCurrentAsync(cancellationToken);

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) => new(sql, connection, transaction);

    /// <summary>Reads each post's experiment, variant and latest counters, locking the posts so two hosts measuring one post take turns.</summary>
    private static async Task<Dictionary<long, LatestRow>> LockLatestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var keys = snapshots.Select(s => s.PostKey).Distinct().Order().ToArray();
        // Locked first, read after: a statement that waited for a lock would still see the latest rows of its own
        // snapshot, while the next statement sees what the other host committed.
        await using (var lockPosts = Command(connection, transaction, "SELECT key FROM experiment_posts WHERE key = ANY(@keys) ORDER BY key FOR UPDATE"))
        {
            AddArray(lockPosts, "@keys", NpgsqlDbType.Bigint, keys);
            await lockPosts.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = Command(connection, transaction,
            $"SELECT p.key, p.experiment_id, p.variant, l.at, l.deleted, l.{CounterColumns.Replace(", ", ", l.", StringComparison.Ordinal)} " +
            "FROM experiment_posts p LEFT JOIN metric_latest l ON l.post_key = p.key WHERE p.key = ANY(@keys)");
        AddArray(read, "@keys", NpgsqlDbType.Bigint, keys);
        var posts = new Dictionary<long, LatestRow>(keys.Length);
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var known = !reader.IsDBNull(3);
                posts[reader.GetInt64(0)] = new LatestRow(
                    reader.GetString(1),
                    reader.GetInt32(2),
                    known ? reader.GetInt64(3) : null,
                    known && reader.GetInt32(4) != 0,
                    known ? ReadCounters(reader, 5) : default);
            }
        }

        foreach (var key in keys.Where(k => !posts.ContainsKey(k)))
        {
            throw new InvalidOperationException($"No experiment post with key {key}.");
        }

        return posts;
    }

    /// <summary>Appends snapshots to the history; returns those that were new.</summary>
    private static async Task<HashSet<(long Key, long At)>> InsertHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        await using var history = Command(connection, transaction,
            $"INSERT INTO metric_snapshots (post_key, at, deleted, {CounterColumns}) " +
            "SELECT * FROM unnest(@key, @at, @deleted, @c0, @c1, @c2, @c3, @c4, @c5) ON CONFLICT DO NOTHING RETURNING post_key, at");
        AddArray(history, "@key", NpgsqlDbType.Bigint, snapshots.Select(s => s.PostKey).ToArray());
        AddArray(history, "@at", NpgsqlDbType.Bigint, snapshots.Select(s => s.At.ToUnixTimeMilliseconds()).ToArray());
        AddArray(history, "@deleted", NpgsqlDbType.Integer, snapshots.Select(s => s.Deleted ? 1 : 0).ToArray());
        AddCounters(history, [.. snapshots.Select(s => s.Counters)]);
        var inserted = new HashSet<(long, long)>();
        await using var reader = await history.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return inserted;
    }

    private static async Task UpsertLatestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<(long Key, LatestRow Row)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var latest = Command(connection, transaction,
            $"INSERT INTO metric_latest (post_key, experiment_id, variant, at, deleted, {CounterColumns}) " +
            "SELECT * FROM unnest(@key, @e, @variant, @at, @deleted, @c0, @c1, @c2, @c3, @c4, @c5) " +
            "ON CONFLICT (post_key) DO UPDATE SET at = excluded.at, deleted = excluded.deleted, impressions = excluded.impressions, likes = excluded.likes, " +
            "reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes, link_clicks = excluded.link_clicks");
        AddArray(latest, "@key", NpgsqlDbType.Bigint, rows.Select(r => r.Key).ToArray());
        AddArray(latest, "@e", NpgsqlDbType.Text, rows.Select(r => r.Row.Experiment).ToArray());
        AddArray(latest, "@variant", NpgsqlDbType.Integer, rows.Select(r => r.Row.Variant).ToArray());
        AddArray(latest, "@at", NpgsqlDbType.Bigint, rows.Select(r => r.Row.At!.Value).ToArray());
        AddArray(latest, "@deleted", NpgsqlDbType.Integer, rows.Select(r => r.Row.Deleted ? 1 : 0).ToArray());
        AddCounters(latest, [.. rows.Select(r => r.Row.Counters)]);
        await latest.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AddHourlyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<(string Experiment, int Variant, long Hour), long[]> hourly, CancellationToken cancellationToken)
    {
        if (hourly.Count == 0)
        {
            return;
        }

        var rows = hourly.ToList();
        await using var command = Command(connection, transaction,
            $"INSERT INTO metric_hourly (experiment_id, variant, hour, {CounterColumns}) " +
            "SELECT * FROM unnest(@e, @variant, @hour, @c0, @c1, @c2, @c3, @c4, @c5) AS u " +
            "ON CONFLICT (experiment_id, variant, hour) DO UPDATE SET impressions = metric_hourly.impressions + excluded.impressions, " +
            "likes = metric_hourly.likes + excluded.likes, reposts = metric_hourly.reposts + excluded.reposts, replies = metric_hourly.replies + excluded.replies, " +
            "quotes = metric_hourly.quotes + excluded.quotes, link_clicks = metric_hourly.link_clicks + excluded.link_clicks");
        AddArray(command, "@e", NpgsqlDbType.Text, rows.Select(r => r.Key.Experiment).ToArray());
        AddArray(command, "@variant", NpgsqlDbType.Integer, rows.Select(r => r.Key.Variant).ToArray());
        AddArray(command, "@hour", NpgsqlDbType.Bigint, rows.Select(r => r.Key.Hour).ToArray());
        for (var i = 0; i < 6; i++)
        {
            AddArray(command, $"@c{i.ToString(CultureInfo.InvariantCulture)}", NpgsqlDbType.Bigint, rows.Select(r => r.Value[i]).ToArray());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ExperimentPost>> InsertPostsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        if (posts.Count == 0)
        {
            return [];
        }

        await using var insert = Command(connection, transaction,
            "INSERT INTO experiment_posts (experiment_id, slot, round, variant, account, planned_at, slot_class, text, status) " +
            "SELECT @e, u.slot, u.round, u.variant, u.account, u.planned_at, u.slot_class, u.text, @status " +
            "FROM unnest(@slot, @round, @variant, @account, @planned_at, @slot_class, @text) AS u (slot, round, variant, account, planned_at, slot_class, text) " +
            "RETURNING slot, key");
        insert.Parameters.AddWithValue("@e", experimentId);
        insert.Parameters.AddWithValue("@status", nameof(ExperimentPostStatus.Planned));
        AddArray(insert, "@slot", NpgsqlDbType.Integer, posts.Select(p => p.Slot).ToArray());
        AddArray(insert, "@round", NpgsqlDbType.Integer, posts.Select(p => p.Round).ToArray());
        AddArray(insert, "@variant", NpgsqlDbType.Integer, posts.Select(p => p.Variant).ToArray());
        AddArray(insert, "@account", NpgsqlDbType.Text, posts.Select(p => p.Account).ToArray());
        AddArray(insert, "@planned_at", NpgsqlDbType.Bigint, posts.Select(p => p.At.ToUnixTimeMilliseconds()).ToArray());
        AddArray(insert, "@slot_class", NpgsqlDbType.Text, posts.Select(p => p.SlotClass).ToArray());
        AddArray(insert, "@text", NpgsqlDbType.Text, posts.Select(p => p.Text).ToArray());
        var keys = new Dictionary<int, long>(posts.Count);
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }

        // RETURNING promises no order, so keys are matched to posts by their slot, unique within the experiment.
        return [.. posts.Select(p => new ExperimentPost(keys[p.Slot], experimentId, p, ExperimentPostStatus.Planned))];
    }

    private static void AddCounters(NpgsqlCommand command, IReadOnlyList<PostCounters> counters)
    {
        AddArray(command, "@c0", NpgsqlDbType.Bigint, counters.Select(c => c.Impressions).ToArray());
        AddArray(command, "@c1", NpgsqlDbType.Bigint, counters.Select(c => c.Likes).ToArray());
        AddArray(command, "@c2", NpgsqlDbType.Bigint, counters.Select(c => c.Reposts).ToArray());
        AddArray(command, "@c3", NpgsqlDbType.Bigint, counters.Select(c => c.Replies).ToArray());
        AddArray(command, "@c4", NpgsqlDbType.Bigint, counters.Select(c => c.Quotes).ToArray());
        AddArray(command, "@c5", NpgsqlDbType.Bigint, counters.Select(c => c.LinkClicks).ToArray());
    }

    private static void AddArray(NpgsqlCommand command, string name, NpgsqlDbType elementType, Array values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType) { Value = values });

    /// <summary>A post's place and its newest counters while a round is applied; <see cref="At"/> is null before the first.</summary>
    private sealed record LatestRow(string Experiment, int Variant, long? At, bool Deleted, PostCounters Counters);
}
