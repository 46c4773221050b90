namespace MarketingOps.Plugins.X.Text;

/// <summary>Finds URLs as twitter-text 3.1.0's <c>extractUrlsWithIndices</c> does, so each can be weighed as a t.co link.</summary>
/// <remarks>A match that takes longer than <see cref="TwitterTextPatterns.TimeoutMilliseconds"/> throws
/// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>: a count is never silently changed.</remarks>
internal static class TwitterUrlExtractor
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int MaxLabelLength = 63;
    private const string DefaultProtocol = "https://";

    /// <summary>Each URL's start and length in <paramref name="text"/>, in order; the length is that of twitter-text's <c>url</c>.</summary>
    public static IReadOnlyList<(int Start, int Length)> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<(int Start, int Length)>();
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            return urls;
        }

        for (var match = TwitterTextPatterns.Url().Match(text); match.Success; match = match.NextMatch())
        {
            var before = match.Groups[2].Value;
            var url = match.Groups[3];
            var protocol = match.Groups[4].Value;
            var domain = match.Groups[5].Value;
            var path = match.Groups[7].Value;
            var start = url.Index;
            if (!IsValidUrl(url.Length, protocol.Length > 0 ? protocol.Length : DefaultProtocol.Length, domain))
            {
                continue;
            }

            if (protocol.Length == 0)
            {
                if (TwitterTextPatterns.InvalidBeforeProtocolless().IsMatch(before))
                {
                    continue;
                }

                (int Start, int Length)? last = null;
                var asciiEnd = 0;
                foreach (var ascii in TwitterTextPatterns.AsciiDomain().Matches(domain).Select(m => m.Value))
                {
                    var asciiStart = domain.IndexOf(ascii, asciiEnd, StringComparison.Ordinal);
                    asciiEnd = asciiStart + ascii.Length;
                    last = (start + asciiStart, ascii.Length);
                    urls.Add(last.Value);
                }

                if (last is { } found && path.Length > 0)
                {
                    // twitter-text puts the path after the last ASCII domain: url.replace(domain, asciiDomain).
                    urls[^1] = (found.Start, url.Length - domain.Length + found.Length);
                }

                continue;
            }

            var length = url.Length;
            var tco = TwitterTextPatterns.Tco().Match(url.Value);
            if (tco.Success)
            {
                if (tco.Groups[1].Length > MaxTcoSlugLength)
                {
                    continue;
                }

                length = tco.Length;
            }

            urls.Add((start, length));
        }

        return urls;
    }

    // twitter-text's idna.toAscii: a punycode prefix must be ASCII, and every label 1 to 63 characters once encoded.
    private static bool IsValidUrl(int urlLength, int protocolLength, string domain)
    {
        if (domain.StartsWith("xn--", StringComparison.Ordinal) && !TwitterTextPatterns.AsciiDomain().IsMatch(domain))
        {
            return false;
        }

        var encoded = new List<string>();
        foreach (var label in domain.Split('.'))
        {
            var ascii = Punycode.ToAscii(label);
            if (ascii.Length is < 1 or > MaxLabelLength)
            {
                return false;
            }

            encoded.Add(ascii);
        }

        var asciiDomain = string.Join('.', encoded);
        return protocolLength + urlLength + asciiDomain.Length - domain.Length <= MaxUrlLength;
    }
}
