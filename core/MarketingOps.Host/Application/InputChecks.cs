using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Application;

/// <summary>Checks every caller's input the same way: ids, names, free text, page sizes and time zones.</summary>
internal static partial class InputChecks
{
    public const int MaxPageSize = 500;

    /// <summary>An id or name from a URL or a body: letters, digits, <c>-_.@</c>, at most 128 characters.</summary>
    public static string Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || !IdPattern().IsMatch(value))
        {
            throw ApiProblemException.Invalid(field, $"'{Shorten(value)}' is not a valid id or name (1 to 128 letters, digits, '-', '_', '.' or '@').");
        }

        return value;
    }

    /// <summary>Free text a person wrote: taken whole or refused (no control characters except tab and line breaks).</summary>
    public static string Text(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            throw ApiProblemException.Invalid(field, "required.");
        }

        if (value.Length > maxLength)
        {
            throw ApiProblemException.Invalid(field, $"{value.Length} UTF-16 code units; at most {maxLength} are accepted.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                throw ApiProblemException.Invalid(field, string.Create(CultureInfo.InvariantCulture, $"contains the control character U+{(int)c:X4} at position {i}; nothing was changed or stored."));
            }
        }

        return value;
    }

    public static int Limit(int? value, int fallback, string field = "limit") =>
        value switch
        {
            null => fallback,
            < 1 or > MaxPageSize => throw ApiProblemException.Invalid(field, $"{value} is out of range; use 1 to {MaxPageSize}."),
            { } v => v,
        };

    public static TimeZoneInfo Zone(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            throw ApiProblemException.Invalid(field, $"'{Shorten(value)}' is not an IANA time zone such as Europe/Berlin.");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(value);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ApiProblemException.Invalid(field, $"'{value}' is not an IANA time zone such as Europe/Berlin.");
        }
    }

    public static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,128}$")]
    private static partial Regex IdPattern();
}
