namespace MarketingOps.Host.Application;

/// <summary>The sample-ratio-mismatch check's input: counts per arm, control first, and optional planned weights.</summary>
internal sealed record SrmBody(IReadOnlyList<long> Counts, IReadOnlyList<double>? Weights = null);
