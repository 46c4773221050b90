namespace MarketingOps.Core.Experiments.Collection;

/// <summary>What one variant's posts gained in one bucket (an hour in the store's rollup; <see cref="Hour"/> is the bucket's start): the sum over posts of each counter's change.</summary>
internal sealed record SeriesPoint(int Variant, DateTimeOffset Hour, PostCounters Gain);
