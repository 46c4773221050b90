using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>Reads durations as people write them: <c>7d</c>, <c>1d12h</c>, <c>90m</c>, <c>2w</c>, ISO 8601 (<c>PT8H</c>) or <c>d.hh:mm:ss</c>.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return false;
        }

        var negative = trimmed.StartsWith('-');
        var body = negative ? trimmed[1..] : trimmed;
        if (body.StartsWith('P'))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(body);
            }
            catch (FormatException)
            {
                return false;
            }
        }
        else if (Units().Match(body) is { Success: true } match)
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var number = double.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
                value += part.Value[^1] switch
                {
                    'w' => TimeSpan.FromDays(7 * number),
                    'd' => TimeSpan.FromDays(number),
                    'h' => TimeSpan.FromHours(number),
                    'm' => TimeSpan.FromMinutes(number),
                    _ => TimeSpan.FromSeconds(number),
                };
            }
        }
        else if (!TimeSpan.TryParseExact(body, "c", CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0h";
        }

        var sign = value < TimeSpan.Zero ? "-" : string.Empty;
        value = value.Duration();
        var parts = new List<string>();
        if (value.Days > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Days}d"));
        }

        if (value.Hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Hours}h"));
        }

        if (value.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m"));
        }

        if (value.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Seconds}s"));
        }

        return sign + string.Concat(parts);
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[wdhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
