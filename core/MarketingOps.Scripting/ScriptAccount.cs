using System.Diagnostics;
namespace MarketingOps.Scripting;

/// <summary>One of the client's accounts as a script sees it: a name, a platform and a time zone, never credentials.</summary>
/// <param name="Name">The account's name, what <c>Posts.Schedule</c> takes.</param>
/// <param name="Platform">The platform's id, e.g. <c>sandbox</c>, <c>mastodon</c>.</param>
/// <param name="TimeZone">The account's IANA time zone, e.g. <c>Europe/Berlin</c>.</param>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed record ScriptAccount(string Name, string Platform, string TimeZone)
{
    /// <summary>The instant's wall-clock time in this account's zone.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone());

    /// <summary>The instant of a local date and time in this account's zone; a time skipped by a DST change moves forward by the gap.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var zone = Zone();
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first instant after <paramref name="after"/> that falls on <paramref name="day"/> at <paramref name="time"/>, local to this account.</summary>
    public DateTimeOffset Next(DayOfWeek day, TimeOnly time, DateTimeOffset after)
    {
        var localDay = DateOnly.FromDateTime(LocalTime(after).DateTime);
        for (var i = 0; i < 8; i++)
        {
            var candidate = localDay.AddDays(i);
            if (candidate.DayOfWeek == day && At(candidate, time) > after)
            {
                return At(candidate, time);
            }
        }

        return At(localDay.AddDays(7), time);
    }

    private TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
