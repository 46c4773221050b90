namespace MarketingOps.Core.Links;

/// <summary>One link of a post as written and as published.</summary>
/// <param name="OriginalUrl">The link as the author wrote it.</param>
/// <param name="TargetUrl">Where it leads: the link with its UTM parameters when tagging is on, else as written.</param>
/// <param name="Code">The short link's code; null when links are not shortened.</param>
/// <param name="ShortUrl">The short link that stands in the text; null when links are not shortened.</param>
public sealed record RewrittenLink(string OriginalUrl, string TargetUrl, string? Code, string? ShortUrl)
{
    /// <summary>What the published text carries.</summary>
    public string PublishedUrl => ShortUrl ?? TargetUrl;

    /// <summary>Whether UTM parameters were added.</summary>
    public bool Tagged => !string.Equals(OriginalUrl, TargetUrl, StringComparison.Ordinal);
}
