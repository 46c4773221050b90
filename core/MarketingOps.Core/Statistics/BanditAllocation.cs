namespace MarketingOps.Core.Statistics;

/// <summary>Traffic shares per arm (summing to 1) and each arm's Monte Carlo probability of being best.</summary>
internal sealed record BanditAllocation(IReadOnlyList<double> Weights, IReadOnlyList<double> ProbabilityBest, int Seed);
