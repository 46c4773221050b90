using System.Text;

namespace MarketingOps.Core.Links;

/// <summary>Adds UTM parameters to a link as written, keeping everything else (path, query, fragment) as it is.</summary>
internal static class UtmTagger
{
    /// <summary>The link with <c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c> and <c>utm_content</c>; null when it already has a UTM parameter (the author tagged it).</summary>
    public static string? Tag(string url, LinkContext context, string medium)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(context);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[hash..] : string.Empty;
        var question = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0 && HasUtm(beforeFragment[(question + 1)..]))
        {
            return null;
        }

        var tagged = new StringBuilder(beforeFragment);
        var authorityStart = beforeFragment.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = beforeFragment.IndexOfAny(['/', '?'], authorityStart);
        if (pathStart < 0 || beforeFragment[pathStart] == '?')
        {
            // "https://shop.example?x" and "https://shop.example" have the empty path, written "/".
            tagged.Insert(pathStart < 0 ? tagged.Length : pathStart, '/');
        }

        var separator = question < 0 ? '?' : (beforeFragment.EndsWith('?') || beforeFragment.EndsWith('&') ? '\0' : '&');
        if (separator != '\0')
        {
            tagged.Append(separator);
        }

        tagged.Append("utm_source=").Append(Uri.EscapeDataString(context.Platform));
        tagged.Append("&utm_medium=").Append(Uri.EscapeDataString(medium));
        if (context.Campaign is { Length: > 0 } campaign)
        {
            tagged.Append("&utm_campaign=").Append(Uri.EscapeDataString(campaign));
        }

        if (context.Variant is { Length: > 0 } variant)
        {
            tagged.Append("&utm_content=").Append(Uri.EscapeDataString(variant));
        }

        return tagged.Append(fragment).ToString();
    }

    private static bool HasUtm(string query) =>
        query.Split('&').Any(pair => pair.StartsWith("utm_", StringComparison.OrdinalIgnoreCase));
}
