namespace MarketingOps.Host.Commands.Stats;

internal sealed record ArmOutput(long Clicks, long Impressions, double Rate);
