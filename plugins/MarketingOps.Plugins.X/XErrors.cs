using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

/// <summary>Turns X's HTTP outcomes into the SDK's error kinds.</summary>
internal static class XErrors
{
    public static PlatformError FromResponse(HttpStatusCode status, HttpResponseHeaders headers, string body, DateTimeOffset now, SecretRedactor redactor, bool mayHaveApplied = false)
    {
        var detail = redactor.Redact(Detail(body));
        var code = (int)status;
        if (IsDuplicate(status, detail))
        {
            return new PlatformError(PlatformErrorKind.Rejected, $"X refused the post as a duplicate of one this account already published ({detail}).") { Code = "duplicate" };
        }

        return code switch
        {
            429 => PlatformErrors.RateLimited("X", detail, RetryAt(headers, now)),
            401 => new PlatformError(PlatformErrorKind.Unauthorized, $"X did not accept the account's credentials (401: {detail}).") { Code = "401" },
            403 => new PlatformError(PlatformErrorKind.Unauthorized, $"X forbade the request (403: {detail}).") { Code = "403" },
            >= 400 and < 500 => PlatformErrors.Rejected("X", code, detail),
            // A 5xx to a POST /2/tweets may come after X stored the post: reconcile, never resend blind.
            _ when mayHaveApplied => new PlatformError(PlatformErrorKind.Ambiguous, $"X answered {code} after the post was sent; it may exist ({detail}).") { Code = PlatformErrors.Code(code) },
            _ => PlatformErrors.Transient("X", code, detail),
        };
    }

    /// <summary>A failure without a response: before sending it is transient; after sending a write may have been applied.</summary>
    public static PlatformError FromException(Exception exception, bool mayHaveApplied, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError })
        {
            return new PlatformError(PlatformErrorKind.Transient, $"X could not be reached; nothing was sent ({redactor.Redact(exception.Message)}).");
        }

        var what = NetworkFailure.Describe(exception);
        return mayHaveApplied
            ? new PlatformError(PlatformErrorKind.Ambiguous, $"The request to X {what} after it was sent; X may have applied it ({redactor.Redact(exception.Message)}).")
            : new PlatformError(PlatformErrorKind.Transient, $"The request to X {what} ({redactor.Redact(exception.Message)}).");
    }

    public static DateTimeOffset RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in new[] { "x-rate-limit-reset", "X-RateLimit-Reset" })
        {
            if (RateLimitHeaders.ParseTime(RateLimitHeaders.First(headers, name)) is { } at)
            {
                return at;
            }
        }

        return RateLimitHeaders.RetryAfter(headers, now) ?? now.AddMinutes(15); // X's windows are 15 minutes long
    }

    private static bool IsDuplicate(HttpStatusCode status, string detail) =>
        status is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
        && detail.Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    private static string Detail(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "no details";
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var text = root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                : root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                : root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0
                    ? (e[0].TryGetProperty("detail", out var ed) ? ed.GetString() : e[0].TryGetProperty("message", out var em) ? em.GetString() : null)
                : null;
            return PlatformErrors.Truncate(text ?? body);
        }
        catch (JsonException)
        {
            return PlatformErrors.Truncate(body);
        }
    }

}
