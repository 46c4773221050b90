using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Sdk;
using Polly.Timeout;

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
            429 => new PlatformError(PlatformErrorKind.RateLimited, $"Bluesky rate limit reached ({detail}).") { RetryAt = RetryAt(headers, now), Code = "429" },
            401 or 403 => new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky did not accept the account's session ({status}: {detail}).") { Code = error ?? status.ToString(CultureInfo.InvariantCulture) },
            400 when error is "AuthenticationRequired" or "InvalidToken" or "ExpiredToken" or "AccountTakedown" =>
                new PlatformError(PlatformErrorKind.Unauthorized, $"Bluesky did not accept the account's session ({detail}).") { Code = error },
            >= 400 and < 500 => new PlatformError(PlatformErrorKind.Rejected, $"Bluesky rejected the request ({status}: {detail}).") { Code = error ?? status.ToString(CultureInfo.InvariantCulture) },
            _ => new PlatformError(PlatformErrorKind.Transient, $"Bluesky answered {status} ({detail}).") { Code = status.ToString(CultureInfo.InvariantCulture) },
        };
    }

    public static PlatformError FromException(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception is TimeoutRejectedException or OperationCanceledException ? "timed out" : "failed";
        return new PlatformError(PlatformErrorKind.Transient, $"The request to Bluesky {what}; retrying cannot create a second post ({redactor.Redact(exception.Message)}).");
    }

    public static bool IsNetworkFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>The XRPC error name (such as <c>ExpiredToken</c>) and message.</summary>
    public static (string? Error, string Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
            return (error, message.Length > 300 ? message[..300] + "…" : message);
        }
        catch (JsonException)
        {
            return (null, body.Length > 300 ? body[..300] + "…" : body);
        }
    }

    private static DateTimeOffset RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("ratelimit-reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return headers.RetryAfter switch
        {
            { Delta: { } delta } => now + delta,
            { Date: { } date } => date,
            _ => now.AddMinutes(5),
        };
    }
}
