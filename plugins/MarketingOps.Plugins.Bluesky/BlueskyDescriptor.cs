using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>What the Bluesky plugin declares to the host.</summary>
internal static class BlueskyDescriptor
{
    public const string Id = "bluesky";
    public const int MaxGraphemes = 300;

    public static PlatformDescriptor Create() => new(
        Id,
        "Bluesky",
        PlatformCapabilities.Idempotency | PlatformCapabilities.Media | PlatformCapabilities.Delete | PlatformCapabilities.Metrics | PlatformCapabilities.Replies,
        new PlatformLimits
        {
            MaxTextLength = MaxGraphemes,
            LengthRule = TextLengthRule.Graphemes,
            MaxMedia = 4,
            MetricsBatchSize = 25, // app.bsky.feed.getPosts takes at most 25 URIs
            RateBudgets =
            [
                // PDS write budget: 5000 points per hour, a create costing 3; sessions are limited to 30 per 5 minutes.
                new RateBudget("publish", 1666, TimeSpan.FromHours(1)),
                new RateBudget("reply", 1666, TimeSpan.FromHours(1)),
                new RateBudget("delete", 5000, TimeSpan.FromHours(1)),
                new RateBudget("metrics", 3000, TimeSpan.FromMinutes(5)),
            ],
        })
    {
        // The record key is derived from the host's idempotency key: the PDS refuses a second record with it, for ever.
        RepeatProtection = RepeatProtection.RecordKey,
        Options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["langs"] = "the post's languages, comma-separated BCP 47 tags such as en or pt-BR (at most 3)",
        },
    };
}
