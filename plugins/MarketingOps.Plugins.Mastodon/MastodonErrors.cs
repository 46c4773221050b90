using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>
/// Turns Mastodon's HTTP outcomes into the SDK's error kinds. A 5xx or a timeout may come after the instance created the
/// status, so it is ambiguous: the host looks it up, and repeats under the Idempotency-Key only while the instance
/// still keeps it (an hour). Only a request that provably never left (connection refused, unknown host) is transient.
/// </summary>
internal static class MastodonErrors
{
    public static PlatformError FromResponse(int status, HttpResponseHeaders headers, string body, DateTimeOffset now, SecretRedactor redactor)
    {
        var detail = redactor.Redact(Detail(body));
        return status switch
        {
            429 => PlatformErrors.RateLimited("Mastodon", detail, ResetAt(headers) ?? now.AddMinutes(5)),
            401 or 403 => new PlatformError(PlatformErrorKind.Unauthorized, $"The Mastodon instance did not accept the account's access token ({status}: {detail}).") { Code = PlatformErrors.Code(status) },
            >= 400 and < 500 => PlatformErrors.Rejected("Mastodon", status, detail),
            _ => new PlatformError(PlatformErrorKind.Ambiguous, $"Mastodon answered {status} ({detail}); the status may have been created.") { Code = PlatformErrors.Code(status) },
        };
    }

    public static PlatformError FromException(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var neverSent = exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound } };
        return neverSent
            ? new PlatformError(PlatformErrorKind.Transient, $"The request to Mastodon never left: {redactor.Redact(exception.Message)}.")
            : new PlatformError(PlatformErrorKind.Ambiguous, $"The request to Mastodon {NetworkFailure.Describe(exception)} after it may have arrived ({redactor.Redact(exception.Message)}).");
    }

    /// <summary>X-RateLimit-Reset: an ISO 8601 time on Mastodon (epoch seconds accepted too).</summary>
    public static DateTimeOffset? ResetAt(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        // Only the date form of Retry-After, and only without the header: Mastodon's own header wins even when unreadable.
        return RateLimitHeaders.First(headers, "X-RateLimit-Reset") is { } value ? RateLimitHeaders.ParseTime(value) : headers.RetryAfter?.Date;
    }

    /// <summary>X-RateLimit-Remaining, when present.</summary>
    public static int? Remaining(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Remaining", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            ? remaining
            : null;

    private static string Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.GetString() is { } text)
            {
                return PlatformErrors.Truncate(text);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        return string.IsNullOrWhiteSpace(body) ? "no details" : PlatformErrors.Truncate(body);
    }
}
