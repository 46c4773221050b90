namespace MarketingOps.Core.Analytics;

/// <summary>
/// How often a published post's counters are read: every round while it is fresh, less often as it ages (most of
/// a post's reach comes in its first hours), and not at all after <see cref="MaxAge"/>.
/// </summary>
internal static class CollectionSchedule
{
    /// <summary>Posts older than this are no longer collected; their last counters stand.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromDays(90);

    private static readonly (TimeSpan Age, TimeSpan Every)[] Steps =
    [
        (TimeSpan.FromHours(6), TimeSpan.Zero),
        (TimeSpan.FromDays(2), TimeSpan.FromHours(1)),
        (TimeSpan.FromDays(7), TimeSpan.FromHours(6)),
        (TimeSpan.FromDays(30), TimeSpan.FromDays(1)),
        (MaxAge, TimeSpan.FromDays(7)),
    ];

    /// <summary>When to collect a post published at <paramref name="publishedAt"/> next, after a collection at <paramref name="now"/>; null when never again.</summary>
    public static DateTimeOffset? Next(DateTimeOffset publishedAt, DateTimeOffset now)
    {
        var age = now - publishedAt;
        foreach (var (limit, every) in Steps)
        {
            if (age < limit)
            {
                // "Every round" is the next round: due as soon as the job runs again.
                return now + every;
            }
        }

        return null;
    }

    /// <summary>The schedule in words, for docs and help.</summary>
    public static string Describe() => "every metrics round for 6 hours, then hourly until 2 days, every 6 hours until 7 days, daily until 30 days, weekly until 90 days, then never";
}
