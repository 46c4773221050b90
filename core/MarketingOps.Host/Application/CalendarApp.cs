using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Application;

/// <summary>The calendar: posts due between two local dates (inclusive) in a zone, optionally for some accounts only.</summary>
internal sealed class CalendarApp(PostService posts)
{
    public const int MaxDays = 92;
    private const int MaxPosts = 5000;

    public async Task<CalendarView> QueryAsync(DateOnly from, DateOnly to, string zoneId, IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
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

        var wanted = accounts.Select(a => InputChecks.Id(a, "account")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var start = Instant(from, zone);
        var end = Instant(to.AddDays(1), zone);
        var found = await posts.ListAsync(new PostQuery(Limit: MaxPosts, DueBefore: end) { DueFrom = start }, cancellationToken);
        var entries = found
            .Where(p => wanted.Count == 0 || wanted.Contains(p.Account))
            .Select(p => new CalendarEntry(TimeZoneInfo.ConvertTime(p.DueAt, zone), PostView.From(p)))
            .ToList();
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(i => from.AddDays(i))
            .Select(day => new CalendarDay(day, entries.Where(e => DateOnly.FromDateTime(e.LocalTime.DateTime) == day).ToList()))
            .ToList();
        return new CalendarView(zone.Id, from, to, days);
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
