using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>What the Mastodon plugin declares to the host.</summary>
internal static class MastodonDescriptor
{
    public const string Id = "mastodon";

    /// <summary>Mastodon's default; each instance's own limit is read from /api/v2/instance before publishing.</summary>
    public const int DefaultMaxCharacters = 500;

    public static PlatformDescriptor Create() => new(
        Id,
        "Mastodon",
        PlatformCapabilities.Idempotency | PlatformCapabilities.Media | PlatformCapabilities.Delete | PlatformCapabilities.Metrics | PlatformCapabilities.Replies,
        new PlatformLimits
        {
            MaxTextLength = DefaultMaxCharacters,
            LengthRule = TextLengthRule.CodePointsUrlsFixed,
            MaxMedia = 4,
            MetricsBatchSize = 40, // one GET per status; the plugin walks the batch
            RateBudgets =
            [
                // Mastodon defaults: 300 requests per 5 minutes per account, media uploads 30 per 30 minutes.
                new RateBudget("publish", 300, TimeSpan.FromHours(3)),
                new RateBudget("reply", 300, TimeSpan.FromHours(3)),
                new RateBudget("delete", 30, TimeSpan.FromMinutes(30)),
                new RateBudget("metrics", 300, TimeSpan.FromMinutes(5)),
            ],
        })
    {
        Automation = new AutomationRules { AllowsVariantPosts = true },
        // Mastodon keeps an Idempotency-Key for an hour (Idempotency in app/controllers/concerns).
        RepeatProtection = RepeatProtection.KeyKeptFor(KeyLifetime),
        Options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["visibility"] = "who sees the status: public, unlisted, private or direct",
            ["spoiler_text"] = "a content warning shown in place of the text until opened (counts toward the limit)",
            ["language"] = "the status's language as an ISO 639 code, such as en or de",
            ["sensitive"] = "true to hide the media behind a warning, false otherwise",
        },
    };

    /// <summary>How long a Mastodon instance remembers an Idempotency-Key.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);
}
