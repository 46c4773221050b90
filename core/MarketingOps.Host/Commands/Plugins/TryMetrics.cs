using MarketingOps.Sdk;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary>The post's counters as the plugin answered, or why there are none.</summary>
internal sealed record TryMetrics(IReadOnlyList<PostMetrics> Posts, string? Error);
