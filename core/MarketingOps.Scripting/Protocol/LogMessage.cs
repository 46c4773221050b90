using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Protocol;

/// <summary>One line of the script's <c>Log</c>: the formatted text, and the template with its values as text, so the host's log stays structured.</summary>
internal sealed record LogMessage(LogLevel Level, string Text, string? Template, IReadOnlyList<KeyValuePair<string, string?>> Values);
