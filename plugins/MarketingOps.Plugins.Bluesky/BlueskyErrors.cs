using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Turns XRPC outcomes into the SDK's error kinds; a failure after sending is transient because publishes are idempotent.</summary>
internal static class BlueskyErrors
{
    public static PlatformError FromResponse(int status, HttpResponseHeaders headers, string body, DateTimeOffset now, SecretRedactor redactor)
    {
        var (rawError, message) = Parse(body);
        // The error name becomes the PlatformError code: keep it only when it is an XRPC identifier, never free text.
        var error = rawError is { Length: <= 64 } name && name.All(char.IsAsciiLetterOrDigit) ? name : null;
        var detail = redactor.Redact(rawError is null ? message : $"{rawError}: {message}");
        return status switch
        {
            429 => PlatformErrors.RateLimited("Bluesky", detail, RetryAt(headers, now)),
            401 or 403 => new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky did not accept the account's session ({status}: {detail}).") { Code = error ?? PlatformErrors.Code(status) },
            400 when error is "AuthenticationRequired" or "InvalidToken" or "ExpiredToken" or "AccountTakedown" =>
                new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky did not accept the account's session ({detail}).") { Code = error },
            >= 400 and < 500 => PlatformErrors.Rejected("Bluesky", status, detail, error),
            _ => PlatformErrors.Transient("Bluesky", status, detail),
        };
    }

    public static PlatformError FromException(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new PlatformError(PlatformErrorKind.Transient, $"The request to Bluesky {NetworkFailure.Describe(exception)}; retrying cannot create a second post ({redactor.Redact(exception.Message)}).");
    }

    /// <summary>The XRPC error name (such as <c>ExpiredToken</c>) and message.</summary>
    public static (string? Error, string Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            return (error, PlatformErrors.Truncate(message));
        }
        catch (JsonException)
        {
            return (null, PlatformErrors.Truncate(body));
        }
    }

    // The PDS sends ratelimit-reset as epoch seconds only.
    private static DateTimeOffset RetryAt(HttpResponseHeaders headers, DateTimeOffset now) =>
        RateLimitHeaders.ParseEpochSeconds(RateLimitHeaders.First(headers, "ratelimit-reset"))
        ?? RateLimitHeaders.RetryAfter(headers, now)
        ?? now.AddMinutes(5);
}
