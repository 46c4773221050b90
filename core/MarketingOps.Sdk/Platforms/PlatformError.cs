namespace MarketingOps.Sdk;

/// <summary>Why a platform call did not succeed; the message must never contain a credential.</summary>
/// <param name="Kind">How the host should react.</param>
/// <param name="Message">The platform's reason, in words a user understands.</param>
public sealed record PlatformError(PlatformErrorKind Kind, string Message)
{
    /// <summary>For <see cref="PlatformErrorKind.RateLimited"/>: when the budget resets.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The platform's own error code, if any (for example <c>duplicate</c>).</summary>
    public string? Code { get; init; }
}
