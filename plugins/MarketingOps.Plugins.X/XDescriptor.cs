using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

/// <summary>What the X plugin declares to the host.</summary>
internal static class XDescriptor
{
    public const string Id = "x";

    public static PlatformDescriptor Create() => new(
        Id,
        "X",
        PlatformCapabilities.Media | PlatformCapabilities.Delete | PlatformCapabilities.Metrics | PlatformCapabilities.Replies,
        new PlatformLimits
        {
            MaxTextLength = 280,
            LengthRule = TextLengthRule.TwitterWeighted,
            MaxMedia = 4,
            MetricsBatchSize = 100,
            RateBudgets =
            [
                // X API v2 per-user limits: POST /2/tweets 100 per 15 minutes, DELETE 50 per 15 minutes, GET /2/tweets 900 per 15 minutes.
                new RateBudget("publish", 100, TimeSpan.FromMinutes(15)),
                new RateBudget("reply", 100, TimeSpan.FromMinutes(15)),
                new RateBudget("delete", 50, TimeSpan.FromMinutes(15)),
                new RateBudget("metrics", 900, TimeSpan.FromMinutes(15)),
            ],
        })
    {
        // X's automation rules forbid duplicate or substantially similar posts, so A/B variants stay distinct.
        Automation = new AutomationRules { AllowsVariantPosts = false },
        // X API v2 has no idempotency key: every POST /2/tweets can create a post, so nothing protects a repeat.
        RepeatProtection = RepeatProtection.None,
        Options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reply_settings"] = "who may reply: following, mentionedUsers, subscribers or verified",
            ["quote_tweet_id"] = "the id of an X post this one quotes",
        },
    };
}
