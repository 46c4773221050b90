using System.Globalization;

namespace MarketingOps.Host.Dashboard.Calendar;

/// <summary>On a day when the clocks change in a zone, the words that say so (the day has 23 or 25 hours).</summary>
internal static class DaylightNote
{
    public static string? For(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = Offset(day, zone);
        var end = Offset(day.AddDays(1), zone);
        if (start == end)
        {
            return null;
        }

        var hours = 24 + (start - end).TotalHours;
        return string.Create(CultureInfo.InvariantCulture, $"Clocks change: UTC{Format(start)} → UTC{Format(end)}, a {hours:0.#}-hour day");
    }

    private static TimeSpan Offset(DateOnly day, TimeZoneInfo zone)
    {
        // The offset in force at local midnight; where midnight does not exist, at the first valid local time after it.
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return zone.GetUtcOffset(local);
    }

    private static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture);
}
