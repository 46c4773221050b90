namespace MarketingOps.Testing.PrivateDepsPlugin;

internal sealed record Loud(string Value);
