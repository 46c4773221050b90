using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MarketingOps.Core.Experiments;

/// <summary>
/// The embedded experiment store: its own SQLite file beside the post store (<c>data/experiments.db</c>), so a
/// metrics round writing thousands of snapshots never holds the write lock that publishing claims need.
/// </summary>
internal sealed class SqliteExperimentStore : IExperimentStore
{
    private const string ExperimentColumns = ExperimentRows.ExperimentColumns;
    private const string PostColumns = ExperimentRows.PostColumns;
    private const string CounterColumns = ExperimentRows.CounterColumns;
    private const long HourMilliseconds = ExperimentRows.HourMilliseconds;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly Lock _initializing = new();
    private Task? _initialization;
    private volatile bool _initialized;

    public SqliteExperimentStore(string path, TimeProvider time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public string Description => Path;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_initializing)
        {
            // A failed migration is tried again by the next caller rather than remembered forever.
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = MigrateAsync(CancellationToken.None);
            }

            initialization = _initialization;
        }

        await initialization.WaitAsync(cancellationToken);
        _initialized = true;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)", cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken), CultureInfo.InvariantCulture);
        var scripts = ExperimentSchema.Sqlite;
        if (current > scripts.Count)
        {
            throw new InvalidOperationException($"The experiment store {Path} has schema version {current}, newer than this mops knows ({scripts.Count}); upgrade mops instead of downgrading the data.");
        }

        for (var version = current + 1; version <= scripts.Count; version++)
        {
            await ExecuteAsync(connection, transaction, scripts[version - 1], cancellationToken);
            await using var record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)");
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts)> CreateAsync(Experiment experiment, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(posts);
        var stored = experiment with { Version = 1 };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var exists = Command(connection, transaction, "SELECT id FROM experiments WHERE name = @name"))
        {
            exists.Parameters.AddWithValue("@name", experiment.Name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is string id)
            {
                throw new ExperimentRequestException($"An experiment named '{experiment.Name}' exists already (id {id}); choose another name.");
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

    public async Task<IReadOnlyList<ExperimentPost>> AddPostsAsync(string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        long next;
        await using (var max = Command(connection, transaction, "SELECT COALESCE(MAX(slot), -1) + 1 FROM experiment_posts WHERE experiment_id = @e"))
        {
            max.Parameters.AddWithValue("@e", experimentId);
            next = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var numbered = posts.Select((p, i) => p with { Slot = (int)next + i }).ToList();
        var result = await InsertPostsAsync(connection, transaction, experimentId, numbered, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<Experiment?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var where in new[] { "id = @q", "name = @q" })
        {
            var found = await QueryExperimentsAsync(connection, $"WHERE {where}", cmd => cmd.Parameters.AddWithValue("@q", idOrName), cancellationToken);
            if (found.Count == 1)
            {
                return found[0];
            }
        }

        // A unique prefix of the id, as git accepts one: ids are long.
        if (idOrName.Length >= 4)
        {
            var found = await QueryExperimentsAsync(connection, "WHERE id LIKE @q ESCAPE '\\'", cmd => cmd.Parameters.AddWithValue("@q", EscapeLike(idOrName) + "%"), cancellationToken);
            if (found.Count == 1)
            {
                return found[0];
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryExperimentsAsync(connection, "ORDER BY created_at DESC, id DESC", null, cancellationToken);
    }

    public async Task<IReadOnlyList<Experiment>> ListAsync(IReadOnlyCollection<ExperimentState> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        var all = await ListAsync(cancellationToken);
        return [.. all.Where(e => states.Contains(e.State))];
    }

    public async Task<Experiment?> TryUpdateAsync(Experiment current, Experiment next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var stored = next with { Version = current.Version + 1 };
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection, null, "UPDATE experiments SET state = @state, definition = @definition, ends_at = @ends_at, updated_at = @updated_at, looks = @looks, decision = @decision, note = @note, version = @version WHERE id = @id AND version = @expected");
        AddExperiment(update, stored);
        update.Parameters.AddWithValue("@expected", current.Version);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1 ? stored : null;
    }

    public async Task<IReadOnlyList<ExperimentPost>> GetPostsAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {PostColumns} FROM experiment_posts WHERE experiment_id = @e ORDER BY slot");
        command.Parameters.AddWithValue("@e", experimentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var posts = new List<ExperimentPost>();
        while (await reader.ReadAsync(cancellationToken))
        {
            posts.Add(ExperimentRows.ReadPost(reader));
        }

        return posts;
    }

    public async Task UpdatePostsAsync(IReadOnlyList<ExperimentPost> posts, CancellationToken cancellationToken)
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

    public async Task AddSnapshotsAsync(IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyList<LatestCounters>> GetLatestAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT post_key, variant, at, deleted, {CounterColumns} FROM metric_latest WHERE experiment_id = @e");
        command.Parameters.AddWithValue("@e", experimentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LatestCounters>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ExperimentRows.ReadLatest(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT variant, hour, {CounterColumns} FROM metric_hourly WHERE experiment_id = @e ORDER BY hour, variant");
        command.Parameters.AddWithValue("@e", experimentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SeriesPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ExperimentRows.ReadSeriesPoint(reader));
        }

        return rows;
    }

    public async Task<IReadOnlyList<MetricSnapshot>> GetHistoryAsync(long postKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT at, deleted, {CounterColumns} FROM metric_snapshots WHERE post_key = @key ORDER BY at");
        command.Parameters.AddWithValue("@key", postKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MetricSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ExperimentRows.ReadSnapshot(reader, postKey));
        }

        return rows;
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
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // NORMAL in WAL mode may lose the last round of snapshots on a power cut, never corrupt the file;
        // the next round measures again, so the cheaper sync is the right trade here.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", cancellationToken);
        return connection;
    }

    private static async Task<List<Experiment>> QueryExperimentsAsync(SqliteConnection connection, string tail, Action<SqliteCommand>? bind, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"SELECT {ExperimentColumns} FROM experiments {tail}");
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Experiment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ExperimentRows.ReadExperiment(reader));
        }

        return list;
    }

    private static void AddExperiment(SqliteCommand command, Experiment e)
    {
        foreach (var (name, value) in ExperimentRows.Parameters(e))
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static PostCounters ReadCounters(SqliteDataReader reader, int first) => ExperimentRows.ReadCounters(reader, first);

    private static object?[] CounterValues(PostCounters c) => [c.Impressions, c.Likes, c.Reposts, c.Replies, c.Quotes, c.LinkClicks];

    private static long Gain(long? current, long? previous) => ExperimentRows.Gain(current, previous);

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n }))];

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DateTimeOffset FromMs(long ms) => ExperimentRows.FromMs(ms);

    private static string EscapeLike(string text) => ExperimentRows.EscapeLike(text);
}
