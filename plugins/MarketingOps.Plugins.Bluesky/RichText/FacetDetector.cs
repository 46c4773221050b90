using System.Text;
using System.Text.RegularExpressions;

namespace MarketingOps.Plugins.Bluesky.RichText;

/// <summary>Finds links, mentions and hashtags with the UTF-8 byte offsets app.bsky.richtext.facet needs.</summary>
/// <remarks>Follows the rules of Bluesky's own rich-text detection: a link starts with http(s)://, a mention is
/// @ plus a domain-like handle, a tag is # plus up to 64 characters that are not all digits; trailing punctuation is
/// not part of a link or tag.</remarks>
internal static partial class FacetDetector
{
    public static IReadOnlyList<FacetCandidate> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FacetCandidate>();
        foreach (Match m in LinkPattern().Matches(text))
        {
            var uri = m.Groups["uri"];
            var value = TrimLinkEnd(uri.Value);
            if (Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                found.Add(Candidate(text, FacetKind.Link, uri.Index, value.Length, value));
            }
        }

        foreach (Match m in MentionPattern().Matches(text))
        {
            var handle = m.Groups["handle"];
            var trimmed = handle.Value.TrimEnd('.', '-');
            if (trimmed.Contains('.', StringComparison.Ordinal))
            {
                // The facet covers the @ too.
                found.Add(Candidate(text, FacetKind.Mention, handle.Index - 1, trimmed.Length + 1, trimmed.ToLowerInvariant()));
            }
        }

        foreach (Match m in TagPattern().Matches(text))
        {
            var tag = m.Groups["tag"];
            var value = TrailingPunctuation().Replace(tag.Value, "");
            if (value.Length is > 0 and <= 64 && !value.All(char.IsAsciiDigit))
            {
                found.Add(Candidate(text, FacetKind.Tag, tag.Index - 1, value.Length + 1, value));
            }
        }

        return [.. found.OrderBy(f => f.ByteStart)];
    }

    private static FacetCandidate Candidate(string text, FacetKind kind, int charStart, int charLength, string value)
    {
        var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, charStart));
        var byteEnd = byteStart + Encoding.UTF8.GetByteCount(text.AsSpan(charStart, charLength));
        return new FacetCandidate(kind, byteStart, byteEnd, value);
    }

    // Drop trailing sentence punctuation, and a closing parenthesis the link did not open.
    private static string TrimLinkEnd(string value)
    {
        while (value.Length > 0)
        {
            var last = value[^1];
            if (".,;:!?\"'".Contains(last, StringComparison.Ordinal)
                || (last == ')' && value.Count(c => c == '(') < value.Count(c => c == ')')))
            {
                value = value[..^1];
                continue;
            }

            break;
        }

        return value;
    }

    [GeneratedRegex(@"(?:^|\s|\()(?<uri>https?://\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?:^|\s|\()@(?<handle>[a-zA-Z0-9.-]+)")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"(?:^|\s)[#＃](?<tag>(?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+)")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\p{P}+$")]
    private static partial Regex TrailingPunctuation();
}
