using System.Globalization;

namespace MarketingOps.Core.Posts;

/// <summary>Writes an instant as a person reads it in a post's history: local to a zone, to the minute, the zone named.</summary>
internal static class LocalTime
{
    /// <summary>"2026-03-30 09:30 Europe/Berlin".</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(instant, zone):yyyy-MM-dd HH:mm} {zone.Id}");
    }
}
