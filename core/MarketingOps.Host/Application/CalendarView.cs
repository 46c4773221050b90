namespace MarketingOps.Host.Application;

/// <summary>Posts due in a range of local dates of one time zone, day by day.</summary>
internal sealed record CalendarView(string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<CalendarDay> Days);
