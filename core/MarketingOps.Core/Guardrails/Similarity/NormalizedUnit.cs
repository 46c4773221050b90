namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>One word, or one character of a script written without spaces.</summary>
internal readonly record struct NormalizedUnit(string Text, bool IsCharacter);
