using System.Text.RegularExpressions;

using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Mastodon's status length: every URL counts as the instance's reserved length (23), a remote mention
/// counts only its @user part, everything else counts per character (grapheme cluster, as Mastodon's validator does).</summary>
internal static partial class MastodonTextLength
{
    public static int Count(string text, int charactersPerUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var placeholder = new string('x', charactersPerUrl);
        var countable = UrlPattern().Replace(text, m => m.Groups["pre"].Value + placeholder);
        countable = RemoteMentionPattern().Replace(countable, m => m.Groups["pre"].Value + "@" + m.Groups["user"].Value);
        return Graphemes.Count(countable);
    }

    [GeneratedRegex(@"(?<pre>^|[^\p{L}\p{N}/])https?://[^\s<>""]*[^\s<>"".,;:!?')\]]", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<pre>^|[^\p{L}\p{N}_/])@(?<user>[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[a-z0-9.-]+[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteMentionPattern();
}
