using System.Text;

namespace MarketingOps.Plugins.X.Text;

/// <summary>
/// twitter-text 3.1.0's <c>parseTweet</c>: the weighted length X counts, with URLs as t.co links and each emoji that
/// twemoji-parser 11 knows as one unit of the default weight; every other code point weighs what config v3's ranges say.
/// </summary>
/// <remarks>Throws <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> when a pattern cannot finish
/// in time; callers report that instead of a length.</remarks>
internal static class TwitterTextParser
{
    private static readonly Lazy<bool> Warm = new(() =>
    {
        // The first match of each pattern compiles its code (a large method: seconds on a loaded machine), and that time
        // counts against the match timeout; once compiled, a post's text takes microseconds.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                ParseWarm("warm up: https://t.co/abc https://example.com/a?b=c www.example.org/x shop.example.co.uk 👍🏽 ©", TwitterTextConfiguration.V3);
                return true;
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
            }
        }

        return false;
    });

    /// <summary>Runs every pattern once, so that no user's text pays for compiling them; true when that finished in time.</summary>
    public static bool WarmUp() => Warm.Value;

    public static TwitterTextParseResult Parse(string? text, TwitterTextConfiguration configuration)
    {
        WarmUp();
        return ParseWarm(text, configuration);
    }

    private static TwitterTextParseResult ParseWarm(string? text, TwitterTextConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        text ??= "";
        var normalized = Nfc(text);
        var scale = configuration.Scale;
        var scaledMax = configuration.MaxWeightedTweetLength * scale;
        var urls = new Dictionary<int, int>();
        foreach (var (start, urlSpan) in TwitterUrlExtractor.Extract(normalized))
        {
            urls[start] = urlSpan;
        }

        var emoji = new Dictionary<int, int>();
        if (configuration.EmojiParsingEnabled)
        {
            foreach (var match in TwitterTextPatterns.Emoji().Matches(normalized).Where(m => m.Length > 0))
            {
                emoji[match.Index] = match.Length;
            }
        }

        var weighted = 0;
        var validDisplayIndex = 0;
        var valid = true;
        for (var index = 0; index < normalized.Length; index++)
        {
            if (urls.TryGetValue(index, out var urlLength))
            {
                weighted += configuration.TransformedUrlLength * scale;
                index += urlLength - 1;
            }
            else if (emoji.TryGetValue(index, out var emojiLength))
            {
                weighted += configuration.DefaultWeight;
                index += emojiLength - 1;
            }
            else
            {
                // As in twitter-text, a surrogate pair is weighed by its low half, which no range holds.
                index += IsSurrogatePair(normalized, index) ? 1 : 0;
                weighted += WeightOf(normalized[index], configuration);
            }

            valid = valid && !IsInvalid(normalized[index]);
            if (valid && weighted <= scaledMax)
            {
                validDisplayIndex = index;
            }
        }

        var length = weighted / scale;
        valid = valid && length > 0 && length <= configuration.MaxWeightedTweetLength;
        var permillage = (int)Math.Floor((double)weighted / scale / configuration.MaxWeightedTweetLength * 1000);

        // Ranges are reported against the text as given, which may be longer or shorter than its NFC form.
        return new TwitterTextParseResult(
            length,
            permillage,
            valid,
            0,
            text.Length > 0 ? text.Length - 1 : 0,
            0,
            validDisplayIndex + text.Length - normalized.Length);
    }

    /// <summary>NFC, as JavaScript's <c>normalize()</c>: a character .NET refuses to normalise (U+FFFE, a lone surrogate) stays as it is.</summary>
    public static string Nfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Such characters never combine with a neighbour, so the runs between them normalise on their own.
            var builder = new StringBuilder(text.Length);
            var run = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var pair = IsSurrogatePair(text, i);
                var unit = pair ? text.Substring(i, 2) : text[i].ToString();
                if (!pair && (char.IsSurrogate(text[i]) || IsNoncharacter(text[i])) || pair && IsNoncharacter(char.ConvertToUtf32(unit, 0)))
                {
                    builder.Append(run.ToString().Normalize(NormalizationForm.FormC)).Append(unit);
                    run.Clear();
                }
                else
                {
                    run.Append(unit);
                }

                i += pair ? 1 : 0;
            }

            return builder.Append(run.ToString().Normalize(NormalizationForm.FormC)).ToString();
        }
    }

    private static bool IsNoncharacter(int codePoint) => (codePoint & 0xFFFE) == 0xFFFE || codePoint is >= 0xFDD0 and <= 0xFDEF;

    private static bool IsSurrogatePair(string text, int index) =>
        index < text.Length - 1 && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]);

    private static int WeightOf(char unit, TwitterTextConfiguration configuration)
    {
        foreach (var range in configuration.Ranges)
        {
            if (range.Contains(unit))
            {
                return range.Weight;
            }
        }

        return configuration.DefaultWeight;
    }

    private static bool IsInvalid(char c) => c is '\uFFFE' or '\uFEFF' or '\uFFFF';
}
