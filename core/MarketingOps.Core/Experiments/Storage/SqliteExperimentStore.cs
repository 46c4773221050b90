using System.Data.Common;
using System.Globalization;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Storage;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>
/// The embedded experiment store: its own SQLite file beside the post store (<c>data/experiments.db</c>), so a
/// metrics round writing thousands of snapshots never holds the write lock that publishing claims need.
/// </summary>
internal sealed class SqliteExperimentStore : AdoExperimentStore
{
    private readonly string _connectionString;

    public SqliteExperimentStore(string path, TimeProvider time)
        : base(time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public override string Description => Path;

    protected override SqlDialect Dialect => SqlDialect.Sqlite;

    protected override string VersionTable => "schema_version";

    // The column is COLLATE NOCASE.
    protected override string NameMatches => "name = @q";

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override async Task<(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts)> CreateAsync(Experiment experiment, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(posts);
        var stored = experiment with { Version = 1 };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var exists = Command(connection, transaction, $"SELECT id, state FROM experiments WHERE name = @name AND state <> '{nameof(ExperimentState.Stopped)}'"))
        {
            exists.Parameters.AddWithValue("@name", experiment.Name);
            await using var reader = await exists.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new ExperimentRequestException(ExperimentNames.Taken(experiment.Name, reader.GetString(0), Enum.Parse<ExperimentState>(reader.GetString(1))));
            }
        }

        await using (var insert = Command(connection, transaction, $"INSERT INTO experiments ({ExperimentColumns}) VALUES (@id, @name, @state, @definition, @created_at, @ends_at, @updated_at, @looks, @decision, @note, @version)"))
        {
            AddExperiment(insert, stored);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = await InsertPostsAsync(connection, transaction, stored.Id, posts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (stored, result);
    }

    public override async Task<IReadOnlyList<ExperimentPost>> AddPostsAsync(string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
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
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = Command(connection, transaction, "UPDATE experiment_posts SET status = @status, post_id = @post_id, platform_post_id = @platform_post_id, published_at = @published_at, detail = @detail WHERE key = @key");
        var parameters = AddParameters(update, "@status", "@post_id", "@platform_post_id", "@published_at", "@detail", "@key");
        foreach (var post in posts)
        {
            Set(parameters, post.Status.ToString(), post.PostId, post.PlatformPostId, post.PublishedAt?.ToUnixTimeMilliseconds(), post.Detail, post.Key);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task AddSnapshotsAsync(IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var read = Command(connection, transaction, $"SELECT p.experiment_id, p.variant, l.at, l.deleted, l.{CounterColumns.Replace(", ", ", l.", StringComparison.Ordinal)} FROM experiment_posts p LEFT JOIN metric_latest l ON l.post_key = p.key WHERE p.key = @key");
        var readKey = read.Parameters.Add("@key", SqliteType.Integer);
        await using var history = Command(connection, transaction, $"INSERT INTO metric_snapshots (post_key, at, deleted, {CounterColumns}) VALUES (@key, @at, @deleted, @c0, @c1, @c2, @c3, @c4, @c5) ON CONFLICT DO NOTHING");
        var historyParameters = AddParameters(history, "@key", "@at", "@deleted", "@c0", "@c1", "@c2", "@c3", "@c4", "@c5");
        await using var latest = Command(connection, transaction, $"INSERT INTO metric_latest (post_key, experiment_id, variant, at, deleted, {CounterColumns}) VALUES (@key, @e, @variant, @at, @deleted, @c0, @c1, @c2, @c3, @c4, @c5) ON CONFLICT (post_key) DO UPDATE SET at = excluded.at, deleted = excluded.deleted, impressions = excluded.impressions, likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies, quotes = excluded.quotes, link_clicks = excluded.link_clicks");
        var latestParameters = AddParameters(latest, "@key", "@e", "@variant", "@at", "@deleted", "@c0", "@c1", "@c2", "@c3", "@c4", "@c5");
        await using var hourly = Command(connection, transaction, $"INSERT INTO metric_hourly (experiment_id, variant, hour, {CounterColumns}) VALUES (@e, @variant, @hour, @c0, @c1, @c2, @c3, @c4, @c5) ON CONFLICT (experiment_id, variant, hour) DO UPDATE SET impressions = impressions + excluded.impressions, likes = likes + excluded.likes, reposts = reposts + excluded.reposts, replies = replies + excluded.replies, quotes = quotes + excluded.quotes, link_clicks = link_clicks + excluded.link_clicks");
        var hourlyParameters = AddParameters(hourly, "@e", "@variant", "@hour", "@c0", "@c1", "@c2", "@c3", "@c4", "@c5");

        foreach (var snapshot in snapshots)
        {
            readKey.Value = snapshot.PostKey;
            string experimentId;
            int variant;
            long? previousAt = null;
            var previous = default(PostCounters);
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"No experiment post with key {snapshot.PostKey}.");
                }

                experimentId = reader.GetString(0);
                variant = reader.GetInt32(1);
                if (!reader.IsDBNull(2))
                {
                    previousAt = reader.GetInt64(2);
                    previous = ReadCounters(reader, 4);
                }
            }

            var at = snapshot.At.ToUnixTimeMilliseconds();
            Set(historyParameters, [snapshot.PostKey, at, snapshot.Deleted ? 1 : 0, .. CounterValues(snapshot.Counters)]);
            var added = await history.ExecuteNonQueryAsync(cancellationToken) == 1;

            // A repeated or late snapshot is kept in the history but cannot move "latest" backwards.
            if (!added || (previousAt is { } p && at <= p))
            {
                continue;
            }

            var current = snapshot.Deleted ? previous : snapshot.Counters.Over(previous);
            Set(latestParameters, [snapshot.PostKey, experimentId, variant, at, snapshot.Deleted ? 1 : 0, .. CounterValues(current)]);
            await latest.ExecuteNonQueryAsync(cancellationToken);

            Set(hourlyParameters, experimentId, variant, Math.DivRem(at, HourMilliseconds).Quotient,
                Gain(current.Impressions, previous.Impressions),
                Gain(current.Likes, previous.Likes),
                Gain(current.Reposts, previous.Reposts),
                Gain(current.Replies, previous.Replies),
                Gain(current.Quotes, previous.Quotes),
                Gain(current.LinkClicks, previous.LinkClicks));
            await hourly.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<ExperimentPost>> InsertPostsAsync(SqliteConnection connection, SqliteTransaction transaction, string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        var result = new List<ExperimentPost>(posts.Count);
        await using var insert = Command(connection, transaction, "INSERT INTO experiment_posts (experiment_id, slot, round, variant, account, planned_at, slot_class, text, status) VALUES (@e, @slot, @round, @variant, @account, @at, @class, @text, @status) RETURNING key");
        var parameters = AddParameters(insert, "@e", "@slot", "@round", "@variant", "@account", "@at", "@class", "@text", "@status");
        foreach (var post in posts)
        {
            Set(parameters, experimentId, post.Slot, post.Round, post.Variant, post.Account, post.At.ToUnixTimeMilliseconds(), post.SlotClass, post.Text, nameof(ExperimentPostStatus.Planned));
            var key = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            result.Add(new ExperimentPost(key, experimentId, post, ExperimentPostStatus.Planned));
        }

        return result;
    }

    /// <summary>Opens a connection to a database whose schema is current.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => (SqliteConnection)await OpenCurrentAsync(cancellationToken);

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // NORMAL in WAL mode may lose the last round of snapshots on a power cut, never corrupt the file;
        // the next round measures again, so the cheaper sync is the right trade here.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", cancellationToken);
        return connection;
    }

    private static object?[] CounterValues(PostCounters c) => [c.Impressions, c.Likes, c.Reposts, c.Replies, c.Quotes, c.LinkClicks];

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n }))];

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql) =>
        (SqliteCommand)AdoExperimentStore.Command(connection, transaction, sql);
}
