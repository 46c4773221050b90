namespace MarketingOps.Host.Application;

/// <summary>One local day of the calendar.</summary>
internal sealed record CalendarDay(DateOnly Date, IReadOnlyList<CalendarEntry> Posts);
