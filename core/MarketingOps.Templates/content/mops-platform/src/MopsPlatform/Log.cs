using Microsoft.Extensions.Logging;

namespace MopsPlatform;

/// <summary>The plugin's log messages, generated at compile time. Never pass a secret to one.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Published {PostId} for {Account}")]
    public static partial void Published(ILogger logger, string postId, string account);
}
