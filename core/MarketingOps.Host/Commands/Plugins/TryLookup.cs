using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>What the plugin's lookup found for the post's idempotency key.</summary>
internal sealed record TryLookup(LookupStatus Status, string? PlatformPostId, Uri? Url, string? Detail);
