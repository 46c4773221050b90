using System.Text;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Protocol;

/// <summary>One line of the script's <c>Log</c>: the formatted text, and the template with its values as text, so the host's log stays structured.</summary>
internal sealed record LogMessage(LogLevel Level, string Text, string? Template, IReadOnlyList<KeyValuePair<string, string?>> Values)
{
    /// <summary>What it weighs against the run's output cap: its texts in UTF-8.</summary>
    public long Utf8Bytes()
        => Encoding.UTF8.GetByteCount(Text ?? "") + Encoding.UTF8.GetByteCount(Template ?? "")
            + (Values ?? []).Sum(v => (long)Encoding.UTF8.GetByteCount(v.Key ?? "") + Encoding.UTF8.GetByteCount(v.Value ?? ""));
}
