using Microsoft.Extensions.Logging;

namespace MopsWorkflow;

/// <summary>The plugin's log messages, generated at compile time.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Questions for {Account} could not be read; the next run tries again")]
    public static partial void QuestionsUnreadable(ILogger logger, Exception exception, string account);
}
