namespace MarketingOps.Sdk;

/// <summary>At most <paramref name="Limit"/> calls of <paramref name="Operation"/> per account in any <paramref name="Window"/>.</summary>
/// <param name="Operation">The operation the budget applies to: <c>publish</c>, <c>metrics</c>, <c>delete</c>, <c>reply</c> or <c>dm</c>.</param>
/// <param name="Limit">Calls allowed per window.</param>
/// <param name="Window">The window's length.</param>
public sealed record RateBudget(string Operation, int Limit, TimeSpan Window);
