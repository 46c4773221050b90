namespace MarketingOps.Host.Dashboard.Calendar;

/// <summary>How much of the calendar one page shows.</summary>
internal enum CalendarMode
{
    Month,
    Week,
    Day,
}
