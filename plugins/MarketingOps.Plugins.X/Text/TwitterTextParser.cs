using System.Globalization;
using System.Text;

namespace MarketingOps.Plugins.X.Text;

/// <summary>twitter-text's <c>parseTweet</c>: the weighted length X counts, with URLs as t.co links and emoji as one unit.</summary>
internal static class TwitterTextParser
{
    public static TwitterTextParseResult Parse(string? text, TwitterTextConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TwitterTextParseResult.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var scale = configuration.Scale;
        var scaledMax = configuration.MaxWeightedTweetLength * scale;
        var urlWeight = configuration.TransformedUrlLength * scale;
        var urls = TwitterUrlExtractor.Extract(normalized).ToDictionary(u => u.Start, u => u.Length);

        var weighted = 0;
        var offset = 0;
        var validOffset = 0;
        var hasInvalidCharacters = false;
        while (offset < normalized.Length)
        {
            var entityLength = 0;
            var entityWeight = 0;
            if (urls.TryGetValue(offset, out var urlLength))
            {
                (entityLength, entityWeight) = (urlLength, urlWeight);
            }
            else if (configuration.EmojiParsingEnabled && EmojiLengthAt(normalized, offset) is > 0 and var emojiLength)
            {
                (entityLength, entityWeight) = (emojiLength, configuration.DefaultWeight);
            }

            if (entityLength > 0)
            {
                weighted += entityWeight;
                offset += entityLength;
                if (weighted <= scaledMax)
                {
                    validOffset += entityLength;
                }

                continue;
            }

            var codePoint = CodePointAt(normalized, offset);
            weighted += WeightOf(codePoint, configuration);
            hasInvalidCharacters |= IsInvalid(normalized[offset]);
            var charCount = codePoint > 0xFFFF ? 2 : 1;
            offset += charCount;
            if (!hasInvalidCharacters && weighted <= scaledMax)
            {
                validOffset += charCount;
            }
        }

        // Ranges are reported against the text as given, which may be longer or shorter than its NFC form.
        var normalizationShift = text.Length - normalized.Length;
        var length = weighted / scale;
        return new TwitterTextParseResult(
            length,
            length * 1000 / configuration.MaxWeightedTweetLength,
            !hasInvalidCharacters && length <= configuration.MaxWeightedTweetLength,
            0,
            offset + normalizationShift - 1,
            0,
            validOffset + normalizationShift - 1);
    }

    private static int CodePointAt(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1])
            ? char.ConvertToUtf32(s[index], s[index + 1])
            : s[index];

    private static int WeightOf(int codePoint, TwitterTextConfiguration configuration)
    {
        foreach (var range in configuration.Ranges)
        {
            if (range.Contains(codePoint))
            {
                return range.Weight;
            }
        }

        return configuration.DefaultWeight;
    }

    private static bool IsInvalid(char c) => c is '\uFFFE' or '\uFEFF' or '\uFFFF';

    // An emoji is a whole grapheme cluster (ZWJ family, skin tone, flag, keycap) that holds an emoji code point.
    private static int EmojiLengthAt(string text, int offset)
    {
        var length = StringInfo.GetNextTextElementLength(text, offset);
        for (var i = offset; i < offset + length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            if (IsEmojiCodePoint(CodePointAt(text, i)))
            {
                return length;
            }
        }

        return 0;
    }

    private static bool IsEmojiCodePoint(int cp) =>
        cp is >= 0x1F000 and <= 0x1FAFF
        or >= 0x2600 and <= 0x27BF
        or >= 0x2300 and <= 0x23FF
        or >= 0x2B00 and <= 0x2BFF
        or >= 0x2190 and <= 0x21FF
        or >= 0x25A0 and <= 0x25FF
        or >= 0xE0020 and <= 0xE007F
        or 0x20E3 or 0xFE0F or 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139
        or 0x24C2 or 0x2934 or 0x2935 or 0x3030 or 0x303D or 0x3297 or 0x3299;
}
