using System.Text;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Links;

/// <summary>
/// Rewrites the links of a post as the client's <see cref="LinkOptions"/> say: tagged with UTM parameters, then
/// replaced by a short link of the host. It runs before the platform validates the text, so the length that is checked
/// (Bluesky's graphemes of the whole URL, X's 23 per link) is that of what will be published.
/// </summary>
internal sealed class LinkRewriter(IOptions<LinkOptions> options)
{
    public LinkOptions Options => options.Value;

    /// <summary>The text to publish for <paramref name="text"/>; new short links get fresh codes (stored only when the post is).</summary>
    public LinkRewrite Rewrite(string text, LinkContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        if (!settings.RewritesLinks || text.Length == 0)
        {
            return LinkRewrite.Unchanged(text);
        }

        var shortBase = settings.ShortBase;
        var shortPrefix = shortBase is null ? null : shortBase.AbsoluteUri.TrimEnd('/') + "/l/";
        var links = new List<RewrittenLink>();
        var result = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var (start, length, url) in LinkFinder.Find(text))
        {
            var written = text.Substring(start, length);
            if ((shortPrefix is not null && written.StartsWith(shortPrefix, StringComparison.OrdinalIgnoreCase))
                || LinkExclusion.Excludes(settings.Exclude, url, written))
            {
                continue;
            }

            var target = settings.Tag ? UtmTagger.Tag(written, context, settings.Medium) ?? written : written;
            var code = shortPrefix is null ? null : ShortCodes.New();
            if (code is null && string.Equals(target, written, StringComparison.Ordinal))
            {
                continue;
            }

            var link = new RewrittenLink(written, target, code, code is null ? null : shortPrefix + code);
            links.Add(link);
            result.Append(text, position, start - position).Append(link.PublishedUrl);
            position = start + length;
        }

        if (links.Count == 0)
        {
            return LinkRewrite.Unchanged(text);
        }

        result.Append(text, position, text.Length - position);
        return new LinkRewrite(text, result.ToString(), links);
    }
}
