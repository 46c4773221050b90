using System.Globalization;
using System.Net.Http.Headers;

namespace MarketingOps.Plugins.Shared;

/// <summary>Reads when a rate limit resets from response headers; which header a platform sends stays its own choice.</summary>
internal static class RateLimitHeaders
{
    /// <summary>The first value of a header, or null when it is absent.</summary>
    public static string? First(HttpResponseHeaders headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }

    /// <summary>A reset time given as Unix epoch seconds.</summary>
    public static DateTimeOffset? ParseEpochSeconds(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null;

    /// <summary>A reset time given as Unix epoch seconds or as a date and time (UTC unless it says otherwise).</summary>
    public static DateTimeOffset? ParseTime(string? value) =>
        ParseEpochSeconds(value)
        ?? (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);

    /// <summary>The standard Retry-After header, as a delay from <paramref name="now"/> or a date.</summary>
    public static DateTimeOffset? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => null,
        };
    }
}
