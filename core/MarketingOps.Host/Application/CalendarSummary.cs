namespace MarketingOps.Host.Application;

/// <summary>A range of local days of one time zone as the dashboard's calendar draws it: counts and the first posts per day.</summary>
internal sealed record CalendarSummary(string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<CalendarDaySummary> Days);
