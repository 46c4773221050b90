using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>
/// Writes times, prices, percentages and grouped numbers one way, so that "7am to 7pm" and "7 am - 7 pm",
/// "$5" and "5.00 USD", "1,000" and "1000" compare as the same words. Works on text already folded to lower case.
/// </summary>
internal static partial class QuantityNormalizer
{
    // 7am, 7 am, 7:30 p.m., 11.30pm: hours 1 to 12 with a meridiem.
    [GeneratedRegex(@"(?<![\w.,:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s?([ap])\.?m\b\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Meridiem();

    // 07:00, 19:30, 7h30: a 24-hour clock.
    [GeneratedRegex(@"(?<![\w.,:])([01]?\d|2[0-3])[:h]([0-5]\d)(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    // "from 7am to 7pm", "7am - 7pm", "7am–7pm", "7am until 7pm": a range is its two ends.
    [GeneratedRegex(@"(?:\bfrom\s+)?(t\d{4})\s*(?:-|–|—|(?:to|till|until|til|through|thru)\b)\s*(?=t\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    // 1,000 / 1.000 / 1 000 (no-break spaces) / 10,000,000: digit groups of three.
    [GeneratedRegex(@"(?<![\w.,])\d{1,3}(?:[,.\u00A0\u202F]\d{3})+(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();

    // $5, € 4,99, usd 12, 5.00 usd, 12 euros, 3£.
    [GeneratedRegex(@"(?:(?<before>us\$|\$|€|£|¥)|\b(?<before>usd|eur|gbp|jpy)\s)\s?(?<amount>\d+(?:[.,]\d{1,2})?)(?!\d)|(?<![\w.,])(?<amount>\d+(?:[.,]\d{1,2})?)\s?(?:(?<after>\$|€|£|¥)|(?<after>usd|eur|gbp|jpy|euros?|dollars?|pounds?)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Price();

    // 20%, 20 %, 20 percent, 20 per cent.
    [GeneratedRegex(@"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|pct\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    /// <summary>Rewrites the quantities in <paramref name="folded"/> (lower case) as single canonical words.</summary>
    public static string Normalize(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var text = Grouped().Replace(folded, m => new string([.. m.Value.Where(char.IsAsciiDigit)]));
        text = Meridiem().Replace(text, m => Time(Hour12(m.Groups[1].Value, m.Groups[3].Value), m.Groups[2].Value));
        text = Clock().Replace(text, m => Time(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));
        text = Range().Replace(text, "$1 ");
        text = Price().Replace(text, m => $" price{Currency(m.Groups["before"].Success ? m.Groups["before"].Value : m.Groups["after"].Value)}{Amount(m.Groups["amount"].Value)} ");
        return Percent().Replace(text, m => $" {Amount(m.Groups[1].Value)}pct ");
    }

    private static int Hour12(string hour, string meridiem)
    {
        var h = int.Parse(hour, CultureInfo.InvariantCulture) % 12;
        return meridiem == "p" ? h + 12 : h;
    }

    // A single word the tokenizer keeps whole: t0700, t1930.
    private static string Time(int hour, string minutes) =>
        string.Create(CultureInfo.InvariantCulture, $" t{hour:00}{(minutes.Length == 0 ? "00" : minutes)} ");

    private static string Currency(string written) => written switch
    {
        "$" or "us$" or "usd" or "dollar" or "dollars" => "usd",
        "€" or "eur" or "euro" or "euros" => "eur",
        "£" or "gbp" or "pound" or "pounds" => "gbp",
        _ => "jpy",
    };

    // 5, 5.00 and 5,00 are 5; 4.99 and 4,99 are 4x99 (one word, whatever the decimal mark).
    private static string Amount(string written)
    {
        var parts = written.Split('.', ',');
        var whole = parts[0].TrimStart('0') is { Length: > 0 } w ? w : "0";
        var fraction = parts.Length > 1 ? parts[1].TrimEnd('0') : "";
        return fraction.Length == 0 ? whole : $"{whole}x{fraction}";
    }
}
