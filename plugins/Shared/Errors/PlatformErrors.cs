using System.Globalization;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Shared;

/// <summary>The error messages the network plugins word alike; which status maps to which stays in each plugin.</summary>
internal static class PlatformErrors
{
    /// <summary>How much of a platform's error text goes into a message.</summary>
    public const int MaxDetailLength = 300;

    public static PlatformError RateLimited(string platform, string detail, DateTimeOffset retryAt) =>
        new(PlatformErrorKind.RateLimited, $"{platform} rate limit reached ({detail}).") { RetryAt = retryAt, Code = "429" };

    public static PlatformError Rejected(string platform, int status, string detail, string? code = null) =>
        new(PlatformErrorKind.Rejected, $"{platform} rejected the request ({status}: {detail}).") { Code = code ?? Code(status) };

    /// <summary>A status that says nothing was refused for good (5xx and the like): the host tries again later.</summary>
    public static PlatformError Transient(string platform, int status, string detail) =>
        new(PlatformErrorKind.Transient, $"{platform} answered {status} ({detail}).") { Code = Code(status) };

    /// <summary>A draft the plugin's own validation refused, with every problem it found.</summary>
    public static PlatformError Invalid(DraftValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(PlatformErrorKind.Rejected, string.Join(" ", validation.Problems)) { Code = "invalid" };
    }

    public static PlatformError UnknownAccount(string platform, string pluginId, string account) =>
        new(PlatformErrorKind.Rejected, $"No {platform} account named '{account}' is configured for the {pluginId} plugin.") { Code = "unknown-account" };

    public static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);

    public static string Truncate(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
}
