namespace MarketingOps.Core.Guardrails.Similarity;

/// <summary>A stored fingerprint's slot and its exact similarity to a query.</summary>
internal readonly record struct SimilarSlot(int Slot, double Similarity);
