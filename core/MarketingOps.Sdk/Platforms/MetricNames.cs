namespace MarketingOps.Sdk;

/// <summary>Well-known counter names, shared by every platform.</summary>
public static class MetricNames
{
    /// <summary>Times the post was shown.</summary>
    public const string Impressions = "impressions";

    /// <summary>Likes, favourites or hearts.</summary>
    public const string Likes = "likes";

    /// <summary>Reposts, reblogs or retweets.</summary>
    public const string Reposts = "reposts";

    /// <summary>Replies to the post.</summary>
    public const string Replies = "replies";

    /// <summary>Quote posts.</summary>
    public const string Quotes = "quotes";

    /// <summary>Clicks on a link in the post.</summary>
    public const string LinkClicks = "link_clicks";
}
