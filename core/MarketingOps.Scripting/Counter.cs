using MarketingOps.Sdk;

namespace MarketingOps.Scripting;

/// <summary>Names of the counters platforms report, for <see cref="MetricSnapshot.Get"/> and <see cref="ExperimentMetric.Ratio"/>.</summary>
public static class Counter
{
    /// <summary>Times the post was shown.</summary>
    public const string Impressions = MetricNames.Impressions;

    /// <summary>Likes, favourites or hearts.</summary>
    public const string Likes = MetricNames.Likes;

    /// <summary>Reposts, reblogs or retweets.</summary>
    public const string Reposts = MetricNames.Reposts;

    /// <summary>Replies.</summary>
    public const string Replies = MetricNames.Replies;

    /// <summary>Quote posts.</summary>
    public const string Quotes = MetricNames.Quotes;

    /// <summary>Clicks on a link in the post.</summary>
    public const string LinkClicks = MetricNames.LinkClicks;

    /// <summary>Likes + reposts + replies + quotes + link clicks, computed from the others.</summary>
    public const string Engagements = "engagements";
}
