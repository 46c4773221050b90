using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Sdk;
using Polly.Timeout;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Turns Mastodon's HTTP outcomes into the SDK's error kinds; failures after sending are transient (Idempotency-Key).</summary>
internal static class MastodonErrors
{
    public static PlatformError FromResponse(int status, HttpResponseHeaders headers, string body, DateTimeOffset now, SecretRedactor redactor)
    {
        var detail = redactor.Redact(Detail(body));
        var code = status.ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            429 => new PlatformError(PlatformErrorKind.RateLimited, $"Mastodon rate limit reached ({detail}).") { RetryAt = ResetAt(headers) ?? now.AddMinutes(5), Code = code },
            401 or 403 => new PlatformError(PlatformErrorKind.Unauthorized, $"The Mastodon instance did not accept the account's access token ({status}: {detail}).") { Code = code },
            >= 400 and < 500 => new PlatformError(PlatformErrorKind.Rejected, $"Mastodon rejected the request ({status}: {detail}).") { Code = code },
            _ => new PlatformError(PlatformErrorKind.Transient, $"Mastodon answered {status} ({detail}).") { Code = code },
        };
    }

    public static PlatformError FromException(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception is TimeoutRejectedException or OperationCanceledException ? "timed out" : "failed";
        return new PlatformError(PlatformErrorKind.Transient, $"The request to Mastodon {what}; the Idempotency-Key makes a retry safe ({redactor.Redact(exception.Message)}).");
    }

    public static bool IsNetworkFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>X-RateLimit-Reset: an ISO 8601 time on Mastodon (epoch seconds accepted too).</summary>
    public static DateTimeOffset? ResetAt(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValues("X-RateLimit-Reset", out var values) || values.FirstOrDefault() is not { } value)
        {
            return headers.RetryAfter?.Date;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
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
                return text.Length > 300 ? text[..300] + "…" : text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        return string.IsNullOrWhiteSpace(body) ? "no details" : body.Length > 300 ? body[..300] + "…" : body;
    }
}
