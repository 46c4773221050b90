using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>
/// Reduces a message to the units near-duplicate detection compares: case, whitespace, URLs, mentions,
/// emoji and punctuation do not count; times, prices and numbers are written one way; scripts written without
/// spaces become one unit per character.
/// </summary>
internal static partial class ContentNormalizer
{
    // Scheme URLs, www. hosts, and bare host/path links such as "example.com/launch".
    [GeneratedRegex(@"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // @user and Mastodon's @user@instance; not e-mail addresses (no word character before the @).
    [GeneratedRegex(@"(?<![\w@])@[\w.]+(?:@[\w.-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    /// <summary>Normalises <paramref name="text"/>, leaving out <paramref name="namesToStrip"/> (the recipient's handle and name).</summary>
    public static NormalizedContent Normalize(string text, IReadOnlyCollection<string>? namesToStrip = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

        var fallback = new List<string>();
        foreach (Match url in UrlPattern().Matches(folded))
        {
            fallback.Add(CanonicalUrl(url.Value));
        }

        var withoutUrls = UrlPattern().Replace(folded, " ");
        foreach (Match mention in MentionPattern().Matches(withoutUrls))
        {
            fallback.Add(mention.Value);
        }

        var plain = QuantityNormalizer.Normalize(MentionPattern().Replace(withoutUrls, " "));
        var units = new List<NormalizedUnit>();
        Tokenize(plain, units, fallback);

        if (namesToStrip is { Count: > 0 } && units.Count > 0)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in namesToStrip)
            {
                var nameUnits = new List<NormalizedUnit>();
                Tokenize(name.TrimStart('@').Normalize(NormalizationForm.FormKC).ToLowerInvariant(), nameUnits, []);
                foreach (var unit in nameUnits)
                {
                    if (!unit.IsCharacter)
                    {
                        names.Add(unit.Text);
                    }
                }
            }

            units.RemoveAll(u => !u.IsCharacter && names.Contains(u.Text));
        }

        return new NormalizedContent(units, fallback);
    }

    // Tracking parameters and fragments do not make a link different: "a.example/x?utm_source=x" is "a.example/x".
    private static string CanonicalUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? url[(schemeEnd + 3)..] : url;
        if (rest.StartsWith("www.", StringComparison.Ordinal))
        {
            rest = rest[4..];
        }

        var cut = rest.IndexOfAny(['?', '#']);
        return (cut >= 0 ? rest[..cut] : rest).TrimEnd('/', '.', ',', '!', ')');
    }

    private static void Tokenize(string text, List<NormalizedUnit> units, List<string> symbols)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsApostrophe(rune) || IsVariationSelector(rune.Value))
            {
                // "don't" and "dont" are the same word; an apostrophe never splits one.
                // Variation selectors only choose how an emoji looks ("☀️" is "☀" + U+FE0F).
                continue;
            }

            if (IsUnspacedScript(rune.Value))
            {
                Flush(word, units);
                units.Add(new NormalizedUnit(rune.ToString(), IsCharacter: true));
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (IsWordCategory(category))
            {
                word.Append(rune.ToString());
                continue;
            }

            Flush(word, units);
            if (category is UnicodeCategory.OtherSymbol)
            {
                symbols.Add(rune.ToString());
            }
        }

        Flush(word, units);
    }

    private static void Flush(StringBuilder word, List<NormalizedUnit> units)
    {
        if (word.Length > 0)
        {
            units.Add(new NormalizedUnit(word.ToString(), IsCharacter: false));
            word.Clear();
        }
    }

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u02BC';

    private static bool IsVariationSelector(int codePoint) =>
        codePoint is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    // Han, kana, Thai, Lao, Myanmar, Khmer and Tibetan are written without spaces between words,
    // so a "word" there would be a whole sentence; each character becomes a unit instead.
    private static bool IsUnspacedScript(int codePoint) => codePoint switch
    {
        >= 0x0E00 and <= 0x0EFF => true, // Thai, Lao
        >= 0x0F00 and <= 0x0FFF => true, // Tibetan
        >= 0x1000 and <= 0x109F => true, // Myanmar
        >= 0x1780 and <= 0x17FF => true, // Khmer
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x31F0 and <= 0x31FF => true, // Katakana extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0x20000 and <= 0x3FFFF => true, // CJK extensions B and later
        _ => false,
    };
}
