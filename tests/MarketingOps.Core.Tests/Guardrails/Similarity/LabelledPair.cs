namespace MarketingOps.Core.Tests.Guardrails.Similarity;

/// <summary>Two messages and whether a person would call the second a reworded copy of the first.</summary>
public sealed record LabelledPair(string First, string Second, bool IsNearDuplicate, string Note);
