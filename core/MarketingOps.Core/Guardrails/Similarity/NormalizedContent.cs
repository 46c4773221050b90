namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>A message's words and characters in order, and what was set aside (URLs, mentions, emoji) for messages that have nothing else.</summary>
internal sealed record NormalizedContent(IReadOnlyList<NormalizedUnit> Units, IReadOnlyList<string> SetAside);
