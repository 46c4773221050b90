namespace MarketingOps.Host.Application;

/// <summary>A post on the calendar, with its due time in the calendar's zone.</summary>
internal sealed record CalendarEntry(DateTimeOffset LocalTime, PostView Post);
