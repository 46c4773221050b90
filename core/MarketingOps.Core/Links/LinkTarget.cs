namespace MarketingOps.Core.Links;

/// <summary>Where a short link leads, and whose it is.</summary>
internal sealed record LinkTarget(string Code, string PostId, Uri Target);
