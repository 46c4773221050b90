using System.Text.RegularExpressions;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>The <c>langs</c> option: a post's languages as comma-separated BCP 47 tags, as the lexicon's <c>langs</c> array holds them.</summary>
internal static partial class BlueskyLanguages
{
    /// <summary>app.bsky.feed.post allows at most three languages.</summary>
    public const int Max = 3;

    /// <summary>What is wrong with <paramref name="langs"/>, or null when every tag is well formed.</summary>
    public static string? Problem(string langs)
    {
        var tags = langs.Split(',');
        if (tags.Length > Max)
        {
            return $"langs takes at most {Max} languages; '{langs}' has {tags.Length}.";
        }

        return tags.FirstOrDefault(t => !TagPattern().IsMatch(t)) is { } bad
            ? $"langs must be comma-separated BCP 47 tags such as en or pt-BR, with no spaces; '{bad}' in '{langs}' is not one."
            : null;
    }

    /// <summary>The tags of a valid <c>langs</c> option.</summary>
    public static string[] Tags(string langs) => langs.Split(',');

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
