using MarketingOps.Sdk;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Shared;

/// <summary>Logs a failed publish (the error text is already redacted) and returns it as the result.</summary>
internal static class PublishFailure
{
    public static PublishResult Logged(ILogger logger, string platform, string account, PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        logger.LogWarning("{Platform} publish for account {Account} failed ({Kind}): {Reason}", platform, account, error.Kind, error.Message);
        return PublishResult.Failed(error);
    }
}
