using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using MarketingOps.Core.Analytics;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Experiments.Storage;

/// <summary>
/// What both experiment stores share: versioned schema creation and every read, in SQL that SQLite and PostgreSQL
/// both speak. A subclass supplies connections, write transactions, its dialect's scripts and the writes, where
/// the two differ most (row by row on a local file, array batches over the network).
/// </summary>
internal abstract class AdoExperimentStore : IExperimentStore, IPostMetricsStore
{
    private const string PostMetricsColumns = "post_id, account, platform_post_id, published_at, at, next_at, deleted, impressions, likes, reposts, replies, quotes, link_clicks";

    protected const string ExperimentColumns = "id, name, state, definition, created_at, ends_at, updated_at, looks, decision, note, version";
    protected const string PostColumns = "key, experiment_id, slot, round, variant, account, planned_at, slot_class, text, status, post_id, platform_post_id, published_at, detail";
    protected const string CounterColumns = "impressions, likes, reposts, replies, quotes, link_clicks";
    protected const long HourMilliseconds = 3_600_000;

    private readonly TimeProvider _time;
    private readonly OneTimeInitialization _migration;
    private MigrationRunner? _migrations;

    protected AdoExperimentStore(TimeProvider time)
    {
        _time = time;
        _migration = new OneTimeInitialization(MigrateAsync);
    }

    public abstract string Description { get; }

    /// <summary>The dialect of <see cref="ExperimentSchema"/>'s migrations this store runs.</summary>
    protected abstract SqlDialect Dialect { get; }

    /// <summary>Where applied versions are recorded.</summary>
    protected abstract string VersionTable { get; }

    private MigrationRunner Migrations => _migrations ??= new MigrationRunner(ExperimentSchema.Migrations, Dialect, VersionTable, _time);

    /// <summary>The condition matching an experiment's name to <c>@q</c>, ignoring case.</summary>
    protected abstract string NameMatches { get; }

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write; SQLite takes its write lock up front.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises migrations between processes (SQLite's write lock already does).</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract Task<(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts)> CreateAsync(Experiment experiment, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<ExperimentPost>> AddPostsAsync(string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken);

    public abstract Task UpdatePostsAsync(IReadOnlyList<ExperimentPost> posts, CancellationToken cancellationToken);

    public abstract Task AddSnapshotsAsync(IReadOnlyList<MetricSnapshot> snapshots, CancellationToken cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) => _migration.EnsureAsync(cancellationToken);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockSchemaAsync(connection, transaction, cancellationToken);
        await Migrations.ApplyAsync(
            connection,
            transaction,
            current => $"The experiment store ({Description}) has schema version {current}, newer than this mops knows ({Migrations.Latest}); upgrade mops instead of downgrading the data.",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version recorded in the database.</summary>
    internal async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
        return await Migrations.VersionAsync(connection, null, cancellationToken);
    }

    /// <summary>Opens a connection to a database whose schema is current; the first call migrates it.</summary>
    protected async ValueTask<DbConnection> OpenCurrentAsync(CancellationToken cancellationToken)
    {
        if (!_migration.IsDone)
        {
            await InitializeAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    public async Task<Experiment?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        await using var connection = await OpenCurrentAsync(cancellationToken);
        var byId = await QueryExperimentsAsync(connection, "WHERE id = @q", idOrName, cancellationToken);
        if (byId.Count == 1)
        {
            return byId[0];
        }

        // A name reused after a stop names the experiment that is not stopped, else the latest stopped one.
        var byName = await QueryExperimentsAsync(connection, $"WHERE {NameMatches} ORDER BY CASE WHEN state = '{nameof(ExperimentState.Stopped)}' THEN 1 ELSE 0 END, created_at DESC, id DESC", idOrName, cancellationToken);
        if (byName.Count > 0)
        {
            return byName[0];
        }

        // A unique prefix of the id, as git accepts one: ids are long.
        if (idOrName.Length >= 4)
        {
            var found = await QueryExperimentsAsync(connection, "WHERE id LIKE @q ESCAPE '\\'", EscapeLike(idOrName) + "%", cancellationToken);
            if (found.Count == 1)
            {
                return found[0];
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<Experiment>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
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
        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var update = Command(connection, null, "UPDATE experiments SET state = @state, definition = @definition, ends_at = @ends_at, updated_at = @updated_at, looks = @looks, decision = @decision, note = @note, version = @version WHERE id = @id AND version = @expected");
        foreach (var (name, value) in Parameters(stored).Where(p => p is not ("@name", _) and not ("@created_at", _)))
        {
            Add(update, name, value);
        }

        Add(update, "@expected", current.Version);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1 ? stored : null;
    }

    public async Task DeleteAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        foreach (var sql in new[] { "DELETE FROM metric_hourly WHERE experiment_id = @e", "DELETE FROM metric_latest WHERE experiment_id = @e", "DELETE FROM metric_snapshots WHERE post_key IN (SELECT key FROM experiment_posts WHERE experiment_id = @e)", "DELETE FROM experiment_posts WHERE experiment_id = @e", "DELETE FROM experiments WHERE id = @e" })
        {
            await using var command = Command(connection, transaction, sql);
            Add(command, "@e", experimentId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<ExperimentPost>> GetPostsAsync(string experimentId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {PostColumns} FROM experiment_posts WHERE experiment_id = @q ORDER BY slot", experimentId, ReadPost, cancellationToken);

    public Task<IReadOnlyList<LatestCounters>> GetLatestAsync(string experimentId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT post_key, variant, at, deleted, {CounterColumns} FROM metric_latest WHERE experiment_id = @q", experimentId, ReadLatest, cancellationToken);

    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string experimentId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT variant, hour, {CounterColumns} FROM metric_hourly WHERE experiment_id = @q ORDER BY hour, variant", experimentId, ReadSeriesPoint, cancellationToken);

    public Task<IReadOnlyList<MetricSnapshot>> GetHistoryAsync(long postKey, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT at, deleted, {CounterColumns} FROM metric_snapshots WHERE post_key = @q ORDER BY at", postKey, r => ReadSnapshot(r, postKey, first: 0), cancellationToken);

    public Task<IReadOnlyList<MetricSnapshot>> GetSnapshotsAsync(string experimentId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT s.post_key, s.at, s.deleted, {string.Join(", ", CounterColumns.Split(", ").Select(c => "s." + c))} FROM metric_snapshots s JOIN experiment_posts p ON p.key = s.post_key WHERE p.experiment_id = @q ORDER BY s.post_key, s.at",
            experimentId,
            r => ReadSnapshot(r, r.GetInt64(0), first: 1),
            cancellationToken);

    public async Task TrackAsync(IReadOnlyList<PostMetricsRow> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return;
        }

        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using var insert = Command(connection, transaction, "INSERT INTO post_metrics (post_id, account, platform_post_id, published_at, next_at, deleted) VALUES (@id, @account, @platform, @published, @next, 0) ON CONFLICT (post_id) DO NOTHING");
        foreach (var post in posts)
        {
            insert.Parameters.Clear();
            Add(insert, "@id", post.PostId);
            Add(insert, "@account", post.Account);
            Add(insert, "@platform", post.PlatformPostId);
            Add(insert, "@published", post.PublishedAt.ToUnixTimeMilliseconds());
            Add(insert, "@next", (post.NextAt ?? post.PublishedAt).ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PostMetricsRow>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {PostMetricsColumns} FROM post_metrics WHERE next_at IS NOT NULL AND next_at <= @now ORDER BY next_at, post_id LIMIT @limit");
        Add(command, "@now", now.ToUnixTimeMilliseconds());
        Add(command, "@limit", limit);
        return await ReadPostMetricsAsync(command, cancellationToken);
    }

    public async Task RecordAsync(IReadOnlyList<PostMetricsRow> collected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collected);
        if (collected.Count == 0)
        {
            return;
        }

        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);

        // A counter the platform left out this time keeps its last value, as in metric_latest.
        await using var update = Command(connection, transaction, "UPDATE post_metrics SET at = @at, next_at = @next, deleted = @deleted, impressions = COALESCE(@c0, impressions), likes = COALESCE(@c1, likes), reposts = COALESCE(@c2, reposts), replies = COALESCE(@c3, replies), quotes = COALESCE(@c4, quotes), link_clicks = COALESCE(@c5, link_clicks) WHERE post_id = @id");
        foreach (var row in collected)
        {
            update.Parameters.Clear();
            Add(update, "@at", row.At?.ToUnixTimeMilliseconds(), DbType.Int64);
            Add(update, "@next", row.NextAt?.ToUnixTimeMilliseconds(), DbType.Int64);
            Add(update, "@deleted", row.Deleted ? 1 : 0);
            var c = row.Counters;
            object?[] counters = [c.Impressions, c.Likes, c.Reposts, c.Replies, c.Quotes, c.LinkClicks];
            for (var i = 0; i < counters.Length; i++)
            {
                Add(update, $"@c{i.ToString(CultureInfo.InvariantCulture)}", counters[i], DbType.Int64);
            }

            Add(update, "@id", row.PostId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PostMetricsRow>> ListAsync(DateTimeOffset since, string? account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {PostMetricsColumns} FROM post_metrics WHERE published_at >= @since {(account is null ? "" : "AND lower(account) = lower(@account)")} ORDER BY published_at, post_id");
        Add(command, "@since", since.ToUnixTimeMilliseconds());
        if (account is not null)
        {
            Add(command, "@account", account);
        }

        return await ReadPostMetricsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<PostMetricsRow>> ReadPostMetricsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<PostMetricsRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PostMetricsRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), FromMs(reader.GetInt64(3)))
            {
                At = reader.IsDBNull(4) ? null : FromMs(reader.GetInt64(4)),
                NextAt = reader.IsDBNull(5) ? null : FromMs(reader.GetInt64(5)),
                Deleted = Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture) != 0,
                Counters = ReadCounters(reader, 7),
            });
        }

        return rows;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object key, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenCurrentAsync(cancellationToken);
        await using var command = Command(connection, null, sql);
        Add(command, "@q", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<List<Experiment>> QueryExperimentsAsync(DbConnection connection, string tail, string? query, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"SELECT {ExperimentColumns} FROM experiments {tail}");
        if (query is not null)
        {
            Add(command, "@q", query);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Experiment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadExperiment(reader));
        }

        return list;
    }

    /// <summary>Binds an experiment row's parameters.</summary>
    protected static void AddExperiment(DbCommand command, Experiment e)
    {
        foreach (var (name, value) in Parameters(e))
        {
            Add(command, name, value);
        }
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A parameter with its type stated: PostgreSQL cannot tell a null's type from the statement.</summary>
    private static void Add(DbCommand command, string name, object? value, DbType type)
    {
        Add(command, name, value);
        command.Parameters[name].DbType = type;
    }

    /// <summary>Numbers posts added to an experiment after its last slot; the caller's transaction holds the experiment's write lock.</summary>
    protected static async Task<List<PlannedPost>> NumberAfterLastSlotAsync(DbConnection connection, DbTransaction transaction, string experimentId, IReadOnlyList<PlannedPost> posts, CancellationToken cancellationToken)
    {
        await using var max = Command(connection, transaction, "SELECT COALESCE(MAX(slot), -1) + 1 FROM experiment_posts WHERE experiment_id = @e");
        Add(max, "@e", experimentId);
        var next = Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return posts.Select((p, i) => p with { Slot = next + i }).ToList();
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The parameters of an experiment row, named as the stores' SQL names them.</summary>
    private static IEnumerable<(string Name, object Value)> Parameters(Experiment e)
    {
        ArgumentNullException.ThrowIfNull(e);
        yield return ("@id", e.Id);
        yield return ("@name", e.Name);
        yield return ("@state", e.State.ToString());
        yield return ("@definition", JsonSerializer.Serialize(e.Definition, ExperimentJson.Options));
        yield return ("@created_at", e.CreatedAt.ToUnixTimeMilliseconds());
        yield return ("@ends_at", e.EndsAt.ToUnixTimeMilliseconds());
        yield return ("@updated_at", e.UpdatedAt.ToUnixTimeMilliseconds());
        yield return ("@looks", e.Looks);
        yield return ("@decision", e.Decision is null ? DBNull.Value : JsonSerializer.Serialize(e.Decision, ExperimentJson.Options));
        yield return ("@note", (object?)e.Note ?? DBNull.Value);
        yield return ("@version", e.Version);
    }

    /// <summary>Reads a row selected with <see cref="ExperimentColumns"/>.</summary>
    private static Experiment ReadExperiment(DbDataReader reader)
    {
        var definition = JsonSerializer.Deserialize<ExperimentDefinition>(reader.GetString(3), ExperimentJson.Options)
            ?? throw new InvalidOperationException($"Experiment {reader.GetString(0)} has no definition.");
        return new Experiment(reader.GetString(0), definition, Enum.Parse<ExperimentState>(reader.GetString(2)), FromMs(reader.GetInt64(4)), FromMs(reader.GetInt64(5)))
        {
            UpdatedAt = FromMs(reader.GetInt64(6)),
            Looks = reader.GetInt32(7),
            Decision = reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<ExperimentDecision>(reader.GetString(8), ExperimentJson.Options),
            Note = NullableString(reader, 9),
            Version = reader.GetInt64(10),
        };
    }

    /// <summary>Reads a row selected with <see cref="PostColumns"/>.</summary>
    private static ExperimentPost ReadPost(DbDataReader reader)
    {
        var plan = new PlannedPost(reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), FromMs(reader.GetInt64(6)), reader.GetString(7), reader.GetString(8));
        return new ExperimentPost(reader.GetInt64(0), reader.GetString(1), plan, Enum.Parse<ExperimentPostStatus>(reader.GetString(9)))
        {
            PostId = NullableString(reader, 10),
            PlatformPostId = NullableString(reader, 11),
            PublishedAt = reader.IsDBNull(12) ? null : FromMs(reader.GetInt64(12)),
            Detail = NullableString(reader, 13),
        };
    }

    /// <summary>Reads <c>post_key, variant, at, deleted, counters…</c>.</summary>
    private static LatestCounters ReadLatest(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt32(1), FromMs(reader.GetInt64(2)), ReadCounters(reader, 4), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0);

    /// <summary>Reads <c>variant, hour, counters…</c>.</summary>
    private static SeriesPoint ReadSeriesPoint(DbDataReader reader) =>
        new(reader.GetInt32(0), FromMs(reader.GetInt64(1) * HourMilliseconds), ReadCounters(reader, 2));

    /// <summary>Reads <c>at, deleted, counters…</c> of <paramref name="postKey"/>, starting at column <paramref name="first"/>.</summary>
    private static MetricSnapshot ReadSnapshot(DbDataReader reader, long postKey, int first) =>
        new(postKey, FromMs(reader.GetInt64(first)), ReadCounters(reader, first + 2), Convert.ToInt64(reader.GetValue(first + 1), CultureInfo.InvariantCulture) != 0);

    protected static PostCounters ReadCounters(DbDataReader reader, int first)
    {
        long? At(int i) => reader.IsDBNull(first + i) ? null : reader.GetInt64(first + i);
        return new PostCounters(At(0), At(1), At(2), At(3), At(4), At(5));
    }

    /// <summary>What a counter gained since <paramref name="previous"/>; a missing counter gained nothing.</summary>
    protected static long Gain(long? current, long? previous) => (current ?? previous ?? 0) - (previous ?? 0);

    private static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    protected static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
