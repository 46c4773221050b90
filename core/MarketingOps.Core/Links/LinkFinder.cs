using System.Text.RegularExpressions;

namespace MarketingOps.Core.Links;

/// <summary>
/// Finds the links of a post that the host rewrites: those written with <c>http://</c> or <c>https://</c>, as
/// Mastodon and Bluesky link them. Punctuation that ends a sentence is not part of a link; a closing parenthesis is,
/// when the link opened one (Wikipedia's links).
/// </summary>
internal static partial class LinkFinder
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}_/@.:-])https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();

    /// <summary>Each link's start and length in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<(int Start, int Length, Uri Url)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int, int, Uri)>();
        foreach (Match match in Candidate().Matches(text))
        {
            var value = Trim(match.Value);
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Host.Contains('.', StringComparison.Ordinal))
            {
                found.Add((match.Index, value.Length, uri));
            }
        }

        return found;
    }

    private static string Trim(string value)
    {
        var end = value.Length;
        while (end > 0)
        {
            var last = value[end - 1];
            if (last == ')' && value.AsSpan(0, end).Count('(') >= value.AsSpan(0, end).Count(')'))
            {
                break;
            }

            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ')' or ']' or '}' or '*' or '…')
            {
                end--;
                continue;
            }

            break;
        }

        return value[..end];
    }
}
