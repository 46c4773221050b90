using System.Globalization;

namespace MarketingOps.Core.Links;

/// <summary>A post's text as written and as it will be published, and each link that was rewritten.</summary>
/// <param name="OriginalText">What the author wrote.</param>
/// <param name="Text">What is validated, stored and published.</param>
/// <param name="Links">The rewritten links, in the order of the text.</param>
public sealed record LinkRewrite(string OriginalText, string Text, IReadOnlyList<RewrittenLink> Links)
{
    /// <summary>Whether the published text differs from what was written.</summary>
    public bool Changed => Links.Count > 0;

    /// <summary>Text left as written.</summary>
    public static LinkRewrite Unchanged(string text) => new(text, text, []);

    /// <summary>One line for the post's history and the CLI, e.g. "2 links tagged with UTM parameters and shortened (Links in mops.json)".</summary>
    public string Summary
    {
        get
        {
            if (!Changed)
            {
                return "links left as written";
            }

            var tagged = Links.Count(l => l.Tagged);
            var shortened = Links.Count(l => l.Code is not null);
            var count = Links.Count == 1 ? "1 link" : string.Create(CultureInfo.InvariantCulture, $"{Links.Count} links");
            var what = (tagged > 0, shortened > 0) switch
            {
                (true, true) => "tagged with UTM parameters and shortened",
                (true, false) => "tagged with UTM parameters",
                _ => "shortened",
            };
            return $"{count} {what} (Links in mops.json)";
        }
    }
}
