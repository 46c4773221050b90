using System.Globalization;
using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary>
/// Reads durations as people type them: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>2h</c>, or <c>00:05:00</c>. A number
/// without a unit is refused: <c>5</c> could be seconds or minutes (and .NET would read it as 5 days).
/// </summary>
internal static class Duration
{
    /// <summary>The forms <see cref="Parse"/> takes, as messages and help name them.</summary>
    public const string Forms = "500ms, 90s, 5m, 2h or 00:05:00";

    public static TimeSpan Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var (number, unit) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (null, 0);
        if (number is null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            // The example must be one this method takes: "0s" is not positive.
            throw new UsageException(bare > 0
                ? $"{option}: '{text}' has no unit; give one of {Forms} (for {value} seconds: {value}s)"
                : $"{option}: '{text}' is not a positive duration; give one of {Forms}");
        }

        TimeSpan? parsed = number is not null && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? TimeSpan.FromSeconds(amount * unit)
            : value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span : null;
        return parsed is { } result && result > TimeSpan.Zero
            ? result
            : throw new UsageException($"{option}: '{text}' is not a positive duration; give one of {Forms}");
    }
}
