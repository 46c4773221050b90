namespace MarketingOps.Testing.Peers;

/// <summary>One HTTP attempt a plugin made, as its client saw the answer.</summary>
public sealed record ObservedExchange(string Method, Uri Url, int Status, string? Violations);
