using MarketingOps.Core.Links;

namespace MarketingOps.Host.Application;

/// <summary>One short link with its counts, and the requests counted apart by what sent them.</summary>
/// <param name="Link">The link and its counts.</param>
/// <param name="BotHitsByAgent">Bots, link-preview fetchers and HEAD requests, by name.</param>
internal sealed record LinkView(LinkSummary Link, IReadOnlyDictionary<string, long> BotHitsByAgent);
