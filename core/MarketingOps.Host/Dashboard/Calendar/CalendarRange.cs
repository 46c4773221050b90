using System.Globalization;

namespace MarketingOps.Host.Dashboard.Calendar;

/// <summary>The days a month, week or day view shows (weeks start on Monday), and where the previous and next pages start.</summary>
internal sealed record CalendarRange(CalendarMode Mode, DateOnly Anchor, DateOnly From, DateOnly To, DateOnly Previous, DateOnly Next)
{
    public static CalendarRange For(CalendarMode mode, DateOnly anchor)
    {
        switch (mode)
        {
            case CalendarMode.Month:
                var first = new DateOnly(anchor.Year, anchor.Month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                return new CalendarRange(mode, first, StartOfWeek(first), StartOfWeek(last).AddDays(6), first.AddMonths(-1), first.AddMonths(1));
            case CalendarMode.Week:
                var monday = StartOfWeek(anchor);
                return new CalendarRange(mode, monday, monday, monday.AddDays(6), monday.AddDays(-7), monday.AddDays(7));
            default:
                return new CalendarRange(CalendarMode.Day, anchor, anchor, anchor, anchor.AddDays(-1), anchor.AddDays(1));
        }
    }

    /// <summary>The mode a page's <c>view</c> parameter names; a month when it names none.</summary>
    public static CalendarMode ModeOf(string? view) => view?.ToLowerInvariant() switch
    {
        "week" => CalendarMode.Week,
        "day" => CalendarMode.Day,
        _ => CalendarMode.Month,
    };

    public bool Month => Mode == CalendarMode.Month;

    /// <summary>The word for one page of this mode, as the pager says it.</summary>
    public string Unit => Mode.ToString().ToLowerInvariant();

    public string Title => Mode switch
    {
        CalendarMode.Month => Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        CalendarMode.Week => string.Create(CultureInfo.InvariantCulture, $"Week of {From:d MMMM yyyy}"),
        _ => Anchor.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The days shown, a week (Monday to Sunday) at a time; a day view is one short week.</summary>
    public IEnumerable<IReadOnlyList<DateOnly>> Weeks()
    {
        for (var day = From; day <= To; day = day.AddDays(7))
        {
            var start = day;
            yield return Enumerable.Range(0, Math.Min(7, To.DayNumber - start.DayNumber + 1)).Select(start.AddDays).ToList();
        }
    }

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
