using System.Globalization;
using System.Text.RegularExpressions;

namespace MarketingOps.Plugins.X.Text;

/// <summary>Finds URLs the way twitter-text's <c>extractUrlsWithIndices</c> does, so each can be weighed as a t.co link.</summary>
/// <remarks>The patterns follow twitter-text's published regular expressions; the TLD list is embedded.</remarks>
internal static class TwitterUrlExtractor
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const string DefaultProtocol = "https://";

    private const string Spaces = @"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
    private const string InvalidChars = @"\uFFFE\uFEFF\uFFFF";
    private const string Directional = @"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069";
    private const string Punctuation = @"\-_!""#$%&'()*+,./:;<=>?@\[\]^`{|}~";
    private const string Cyrillic = @"\u0400-\u04FF";
    private const string LatinAccents =
        @"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<Patterns> Compiled = new(Build);
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    /// <summary>Each URL's start and length (UTF-16 units) in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<(int Start, int Length)>();
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            return urls;
        }

        var patterns = Compiled.Value;
        try
        {
            for (var match = patterns.Url.Match(text); match.Success; match = match.NextMatch())
            {
                var before = match.Groups["before"].Value;
                var url = match.Groups["url"];
                var protocol = match.Groups["protocol"];
                var domain = match.Groups["domain"].Value;
                if (!IsValidUrl(url.Length, protocol.Success ? protocol.Length : DefaultProtocol.Length, domain))
                {
                    continue;
                }

                if (!protocol.Success)
                {
                    AddAsciiDomains(patterns, before, match, urls);
                    continue;
                }

                var length = url.Length;
                var tco = patterns.Tco.Match(url.Value);
                if (tco.Success)
                {
                    if (tco.Groups[1].Length > MaxTcoSlugLength)
                    {
                        continue;
                    }

                    length = tco.Length;
                }

                urls.Add((url.Index, length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological text: count what was found so far; the rest weighs as plain characters.
        }

        return urls;
    }

    // Without a protocol, only the ASCII domains inside the match count, and only after an allowed character.
    private static void AddAsciiDomains(Patterns patterns, string before, Match match, List<(int Start, int Length)> urls)
    {
        if (patterns.InvalidBeforeProtocolless.IsMatch(before))
        {
            return;
        }

        var domain = match.Groups["domain"];
        var path = match.Groups["path"];
        (int Start, int Length)? last = null;
        foreach (Match ascii in patterns.AsciiDomain.Matches(domain.Value))
        {
            last = (domain.Index + ascii.Index, ascii.Length);
            urls.Add(last.Value);
        }

        if (last is { } found && path.Success)
        {
            var url = match.Groups["url"];
            urls[^1] = (found.Start, url.Index + url.Length - found.Start);
        }
    }

    private static bool IsValidUrl(int urlLength, int protocolLength, string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false; // a label over 63 characters, or an unencodable host
        }

        return ascii.Length > 0 && protocolLength + urlLength + ascii.Length - domain.Length <= MaxUrlLength;
    }

    private static Patterns Build()
    {
        var tlds = string.Join('|', TopLevelDomains.Names
            .OrderByDescending(t => t.Length)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Select(Regex.Escape));
        var tld = $"(?:(?:{tlds})(?=[^a-z0-9@+-]|$))";
        const string Punycode = "(?:xn--[-0-9a-z]+)";
        const string DomainChars = $"[^{Punctuation}{Spaces}{InvalidChars}{Directional}]";
        const string Subdomain = $"(?:(?:{DomainChars}(?:[_-]|{DomainChars})*)?{DomainChars}\\.)";
        const string DomainName = $"(?:(?:{DomainChars}(?:-|{DomainChars})*)?{DomainChars}\\.)";
        var domain = $"(?:{Subdomain}*{DomainName}(?:{tld}|{Punycode}))";

        const string PathChars = $"[a-z{Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~&|@{LatinAccents}]";
        const string Parens = $"\\((?:{PathChars}+|(?:{PathChars}*\\({PathChars}+\\){PathChars}*))\\)";
        const string PathEnding = $"(?:[+\\-a-z{Cyrillic}0-9=_#/{LatinAccents}]|(?:{Parens}))";
        const string Path = $"(?:(?:{PathChars}*(?:{Parens}{PathChars}*)*{PathEnding})|(?:@{PathChars}+/))";
        const string QueryChars = @"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
        const string QueryEnding = @"[a-z0-9\-_&=#/]";
        const string Preceding = $"(?:[^A-Za-z0-9@＠$#＃{InvalidChars}]|[{Directional}]|^)";

        var url =
            $"(?<before>{Preceding})" +
            "(?<url>" +
            "(?<protocol>https?://)?" +
            $"(?<domain>{domain})" +
            "(?::(?<port>[0-9]+))?" +
            $"(?<path>/{Path}*)?" +
            $"(?<query>\\?{QueryChars}*{QueryEnding})?" +
            ")";

        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        return new Patterns(
            new Regex(url, Options | RegexOptions.Compiled, MatchTimeout),
            new Regex($"^https?://t\\.co/([a-z0-9]+)(?:\\?{QueryChars}*{QueryEnding})?", Options, MatchTimeout),
            new Regex($"(?:(?:[\\-a-z0-9{LatinAccents}]+)\\.)+(?:{tld}|{Punycode})", Options | RegexOptions.Compiled, MatchTimeout),
            new Regex("[-_./]$", Options, MatchTimeout));
    }

    private sealed record Patterns(Regex Url, Regex Tco, Regex AsciiDomain, Regex InvalidBeforeProtocolless);
}
