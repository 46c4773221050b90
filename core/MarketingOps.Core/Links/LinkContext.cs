namespace MarketingOps.Core.Links;

/// <summary>What a post's links are tagged with.</summary>
/// <param name="Platform">The account's platform id: <c>utm_source</c>.</param>
/// <param name="Campaign">The experiment's name or the client's campaign: <c>utm_campaign</c>; none when null.</param>
/// <param name="Variant">The experiment variant: <c>utm_content</c>; none when null.</param>
internal sealed record LinkContext(string Platform, string? Campaign, string? Variant);
