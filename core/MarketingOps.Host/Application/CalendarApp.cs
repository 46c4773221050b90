using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>The calendar: posts due between two local dates (inclusive) in a zone, optionally for some accounts only.</summary>
internal sealed class CalendarApp(PostService posts)
{
    public const int MaxDays = 92;
    private const int MaxPosts = 50_000;

    public Task<CalendarView> QueryAsync(DateOnly from, DateOnly to, string zoneId, IReadOnlyCollection<string> accounts, CancellationToken cancellationToken) =>
        QueryAsync(from, to, zoneId, accounts, experiment: null, cancellationToken);

    /// <summary>The calendar, only the posts of <paramref name="experiment"/> when one is named.</summary>
    public async Task<CalendarView> QueryAsync(DateOnly from, DateOnly to, string zoneId, IReadOnlyCollection<string> accounts, string? experiment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var zone = Check(from, to, zoneId);
        var wanted = accounts.Select(a => InputChecks.Id(a, "account")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var start = Instant(from, zone);
        var end = Instant(to.AddDays(1), zone);
        var query = new PostQuery(Account: wanted.Count == 1 ? wanted.First() : null, Limit: MaxPosts, DueBefore: end)
        {
            DueFrom = start,
            ExperimentId = experiment is null ? null : InputChecks.Id(experiment, "experiment"),
        };
        var found = await posts.ListAsync(query, cancellationToken);
        var byDay = new List<CalendarEntry>[to.DayNumber - from.DayNumber + 1];
        foreach (var post in found)
        {
            if (wanted.Count > 0 && !wanted.Contains(post.Account))
            {
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(post.DueAt, zone);
            var index = DateOnly.FromDateTime(local.DateTime).DayNumber - from.DayNumber;
            if (index >= 0 && index < byDay.Length)
            {
                (byDay[index] ??= []).Add(new CalendarEntry(local, PostView.From(post)));
            }
        }

        var days = byDay.Select((entries, i) => new CalendarDay(from.AddDays(i), entries ?? [])).ToList();
        return new CalendarView(zone.Id, from, to, days);
    }

    /// <summary>
    /// What a calendar page draws for each local day: the posts counted by state and the first <paramref name="perDay"/>
    /// of them. The database counts and picks them per day, so a month of 10,000 posts reads a few dozen rows.
    /// </summary>
    public async Task<CalendarSummary> SummarizeAsync(DateOnly from, DateOnly to, string zoneId, string? account, string? experiment, int perDay, CancellationToken cancellationToken)
    {
        var zone = Check(from, to, zoneId);
        var filter = new PostQuery(Account: account is null ? null : InputChecks.Id(account, "account"))
        {
            ExperimentId = experiment is null ? null : InputChecks.Id(experiment, "experiment"),
        };

        // Each local day is the window from its first instant to the next day's, so a 23- or 25-hour day counts right.
        var bounds = Enumerable.Range(0, to.DayNumber - from.DayNumber + 2).Select(i => Instant(from.AddDays(i), zone)).ToList();
        var windows = await posts.SummarizeDueAsync(bounds, filter, perDay, cancellationToken);
        var days = windows.Select((window, i) => new CalendarDaySummary(
            from.AddDays(i),
            window.Counts,
            [.. window.First.Select(post => new CalendarEntry(TimeZoneInfo.ConvertTime(post.DueAt, zone), PostView.From(post)))])).ToList();
        return new CalendarSummary(zone.Id, from, to, days);
    }

    private static TimeZoneInfo Check(DateOnly from, DateOnly to, string zoneId)
    {
        var zone = InputChecks.Zone(zoneId, "tz");
        if (to < from)
        {
            throw ApiProblemException.Invalid("to", $"{to:yyyy-MM-dd} is before from ({from:yyyy-MM-dd}).");
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw ApiProblemException.Invalid("to", $"the range covers more than {MaxDays} days; ask for less.");
        }

        return zone;
    }

    // Midnight may not exist on a DST day in some zones; the first valid instant of the day is used then.
    private static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
