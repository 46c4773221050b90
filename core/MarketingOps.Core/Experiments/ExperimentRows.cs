using System.Data.Common;
using System.Text.Json;

namespace MarketingOps.Core.Experiments;

/// <summary>The column lists and row readers both experiment stores share: their tables hold the same values in the same columns.</summary>
internal static class ExperimentRows
{
    public const string ExperimentColumns = "id, name, state, definition, created_at, ends_at, updated_at, looks, decision, note, version";
    public const string PostColumns = "key, experiment_id, slot, round, variant, account, planned_at, slot_class, text, status, post_id, platform_post_id, published_at, detail";
    public const string CounterColumns = "impressions, likes, reposts, replies, quotes, link_clicks";
    public const long HourMilliseconds = 3_600_000;

    /// <summary>The parameters of an experiment row, named as the stores' SQL names them.</summary>
    public static IEnumerable<(string Name, object Value)> Parameters(Experiment e)
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
    public static Experiment ReadExperiment(DbDataReader reader)
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
    public static ExperimentPost ReadPost(DbDataReader reader)
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
    public static LatestCounters ReadLatest(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetInt32(1), FromMs(reader.GetInt64(2)), ReadCounters(reader, 4), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture) != 0);

    /// <summary>Reads <c>variant, hour, counters…</c>.</summary>
    public static SeriesPoint ReadSeriesPoint(DbDataReader reader) =>
        new(reader.GetInt32(0), FromMs(reader.GetInt64(1) * HourMilliseconds), ReadCounters(reader, 2));

    /// <summary>Reads <c>at, deleted, counters…</c> of <paramref name="postKey"/>.</summary>
    public static MetricSnapshot ReadSnapshot(DbDataReader reader, long postKey) =>
        new(postKey, FromMs(reader.GetInt64(0)), ReadCounters(reader, 2), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) != 0);

    public static PostCounters ReadCounters(DbDataReader reader, int first)
    {
        long? At(int i) => reader.IsDBNull(first + i) ? null : reader.GetInt64(first + i);
        return new PostCounters(At(0), At(1), At(2), At(3), At(4), At(5));
    }

    /// <summary>What a counter gained since <paramref name="previous"/>; a missing counter gained nothing.</summary>
    public static long Gain(long? current, long? previous) => (current ?? previous ?? 0) - (previous ?? 0);

    public static string? NullableString(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
