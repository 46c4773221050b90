using System.Globalization;

namespace MarketingOps.Host.Dashboard.Calendar;

/// <summary>The days a month or week view shows (weeks start on Monday), and where the previous and next pages start.</summary>
internal sealed record CalendarRange(bool Month, DateOnly Anchor, DateOnly From, DateOnly To, DateOnly Previous, DateOnly Next)
{
    public static CalendarRange For(bool month, DateOnly anchor)
    {
        if (month)
        {
            var first = new DateOnly(anchor.Year, anchor.Month, 1);
            var last = first.AddMonths(1).AddDays(-1);
            return new CalendarRange(true, first, StartOfWeek(first), StartOfWeek(last).AddDays(6), first.AddMonths(-1), first.AddMonths(1));
        }

        var monday = StartOfWeek(anchor);
        return new CalendarRange(false, monday, monday, monday.AddDays(6), monday.AddDays(-7), monday.AddDays(7));
    }

    public string Title => Month
        ? Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"Week of {From:d MMMM yyyy}");

    public IEnumerable<IReadOnlyList<DateOnly>> Weeks()
    {
        for (var day = From; day <= To; day = day.AddDays(7))
        {
            var start = day;
            yield return Enumerable.Range(0, 7).Select(start.AddDays).ToList();
        }
    }

    private static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
