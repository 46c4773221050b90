using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketingOps.Core.Posts;

/// <summary>Reads the time a user gives: ISO 8601 with an offset, or a local time read in an IANA zone.</summary>
internal static partial class ScheduleTimeParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Parses <paramref name="text"/>; a local time is read in <paramref name="zone"/>.</summary>
    /// <remarks>
    /// A local time that falls in a DST gap does not exist and is refused with the nearest valid times.
    /// One that falls in an overlap happens twice; the first occurrence (the earlier instant) is taken,
    /// as calendars do, and <see cref="ParsedTime.Note"/> says so.
    /// </remarks>
    public static ParsedTime Parse(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new PostRequestException("--at is empty; give an ISO 8601 time such as 2026-03-29T09:30:00+02:00 or a local time such as 2026-03-29 09:30.");
        }

        if (OffsetSuffix().IsMatch(trimmed))
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return new ParsedTime(withOffset.ToUniversalTime(), null);
            }

            throw new PostRequestException($"'{trimmed}' is not an ISO 8601 time; expected something like 2026-03-29T09:30:00+02:00.");
        }

        if (!DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new PostRequestException($"'{trimmed}' is not a time; expected ISO 8601 with an offset (2026-03-29T09:30:00+02:00) or a local time (2026-03-29 09:30) read in the time zone given (--tz, or timeZone in the API) or the account's zone.");
        }

        return FromLocal(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    /// <summary>Turns a wall-clock time in <paramref name="zone"/> into a UTC instant, handling DST gaps and overlaps.</summary>
    public static ParsedTime FromLocal(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            var before = local;
            while (zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            var after = local;
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            throw new PostRequestException(
                $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip from {before:HH:mm} to {after:HH:mm} that day (daylight saving). Pick {after:yyyy-MM-dd HH:mm} or give an explicit offset.");
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliest = offsets.Max();
            var latest = offsets.Min();
            var first = new DateTimeOffset(local, earliest).ToUniversalTime();
            return new ParsedTime(
                first,
                $"{local:yyyy-MM-dd HH:mm} happens twice in {zone.Id} (clocks go back); taking the first, {new DateTimeOffset(local, earliest):O}. For the second, give the offset {FormatOffset(latest)}.");
        }

        return new ParsedTime(new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), null);
    }

    /// <summary>Finds an IANA (or Windows) zone by id; its error names no option, so each caller says where the zone was given.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new PostRequestException($"'{id}' is not a known IANA time zone (for example Europe/Berlin or America/New_York).");
        }
    }

    private static string FormatOffset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)$")]
    private static partial Regex OffsetSuffix();
}
