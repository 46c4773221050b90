using MarketingOps.Core.Experiments.Collection;

namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>
/// How finely the cumulative chart groups an experiment's gains: a test that lasts minutes (accelerated sandbox
/// time) needs minutes, one that lasts months needs days. The hourly rollup serves an hour and above; finer
/// groupings are summed from the snapshots themselves, which a short experiment has few of.
/// </summary>
internal static class SeriesGrouping
{
    /// <summary>Enough points for a line, few enough for a chart.</summary>
    public const int MaxPoints = 200;

    private static readonly TimeSpan[] Buckets =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    public static TimeSpan Hour { get; } = TimeSpan.FromHours(1);

    /// <summary>The finest bucket that draws <paramref name="span"/> in at most <see cref="MaxPoints"/> points.</summary>
    public static TimeSpan Choose(TimeSpan span) =>
        Array.Exists(Buckets, b => span.Ticks / b.Ticks <= MaxPoints) ? Array.Find(Buckets, b => span.Ticks / b.Ticks <= MaxPoints) : Buckets[^1];

    /// <summary>Hourly gains summed into coarser buckets.</summary>
    public static IReadOnlyList<SeriesPoint> Regroup(IReadOnlyList<SeriesPoint> hourly, TimeSpan bucket)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        return bucket <= Hour
            ? hourly
            : [.. hourly
                .GroupBy(p => (p.Variant, Start: Floor(p.Hour, bucket)))
                .Select(g => new SeriesPoint(g.Key.Variant, g.Key.Start, g.Select(p => p.Gain).Aggregate(Add)))
                .OrderBy(p => p.Hour).ThenBy(p => p.Variant)];
    }

    /// <summary>
    /// Gains per variant and bucket from the snapshot history, exactly as the store keeps the hourly rollup: each
    /// snapshot's change over the post's previous one counts in the bucket of the snapshot's time.
    /// </summary>
    public static IReadOnlyList<SeriesPoint> FromSnapshots(IReadOnlyList<MetricSnapshot> snapshots, IReadOnlyDictionary<long, int> variantOf, TimeSpan bucket)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(variantOf);
        var gains = new Dictionary<(int Variant, DateTimeOffset Start), PostCounters>();
        foreach (var post in snapshots.GroupBy(s => s.PostKey).Where(g => variantOf.ContainsKey(g.Key)))
        {
            var previous = default(PostCounters);
            foreach (var snapshot in post.OrderBy(s => s.At))
            {
                var current = snapshot.Deleted ? previous : snapshot.Counters.Over(previous);
                var key = (variantOf[post.Key], Floor(snapshot.At, bucket));
                gains[key] = Add(gains.GetValueOrDefault(key), Subtract(current, previous));
                previous = current;
            }
        }

        return [.. gains.Select(g => new SeriesPoint(g.Key.Variant, g.Key.Start, g.Value)).OrderBy(p => p.Hour).ThenBy(p => p.Variant)];
    }

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan bucket) => new(at.UtcTicks - (at.UtcTicks % bucket.Ticks), TimeSpan.Zero);

    private static PostCounters Add(PostCounters a, PostCounters b) => new(
        Sum(a.Impressions, b.Impressions), Sum(a.Likes, b.Likes), Sum(a.Reposts, b.Reposts),
        Sum(a.Replies, b.Replies), Sum(a.Quotes, b.Quotes), Sum(a.LinkClicks, b.LinkClicks));

    // A gain of a counter never reported is zero, as in the hourly rollup.
    private static PostCounters Subtract(PostCounters current, PostCounters previous) => new(
        (current.Impressions ?? 0) - (previous.Impressions ?? 0), (current.Likes ?? 0) - (previous.Likes ?? 0),
        (current.Reposts ?? 0) - (previous.Reposts ?? 0), (current.Replies ?? 0) - (previous.Replies ?? 0),
        (current.Quotes ?? 0) - (previous.Quotes ?? 0), (current.LinkClicks ?? 0) - (previous.LinkClicks ?? 0));

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
