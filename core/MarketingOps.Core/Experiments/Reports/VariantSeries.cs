namespace MarketingOps.Core.Experiments.Reports;

/// <summary>The cumulative metric of one variant over time.</summary>
internal sealed record VariantSeries(string Variant, IReadOnlyList<SeriesValue> Values);
