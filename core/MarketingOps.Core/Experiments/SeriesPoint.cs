namespace MarketingOps.Core.Experiments;

/// <summary>What one variant's posts gained in one hour: the sum over posts of each counter's change.</summary>
internal sealed record SeriesPoint(int Variant, DateTimeOffset Hour, PostCounters Gain);
