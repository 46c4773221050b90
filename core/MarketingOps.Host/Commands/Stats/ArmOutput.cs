namespace MarketingOps.Host.Commands.Stats;

/// <summary>The control in <c>mops stats proportions --json</c>; the chance to be best only for the Bayesian method.</summary>
internal sealed record ArmOutput(long Clicks, long Impressions, double Rate, double? ChanceToBeBest = null);
