namespace MarketingOps.Sdk;

/// <summary>How a platform counts the length of a post.</summary>
public enum TextLengthRule
{
    /// <summary>User-perceived characters (extended grapheme clusters).</summary>
    Graphemes,

    /// <summary>Unicode code points, with every URL counted as a fixed length (Mastodon).</summary>
    CodePointsUrlsFixed,

    /// <summary>twitter-text v3 weighted length (X).</summary>
    TwitterWeighted,
}
