namespace MarketingOps.Host.Application;

/// <summary>One rate budget of an account, counted as the publisher counts it before each claim.</summary>
/// <param name="Operation">What it limits (<c>publish</c>).</param>
/// <param name="Limit">Calls allowed per window.</param>
/// <param name="Window">The window's length.</param>
/// <param name="Used">Calls made in the window ending now.</param>
/// <param name="Left">Calls left now.</param>
/// <param name="FreesAt">When the next call is allowed again, once none is left; null while some are.</param>
internal sealed record BudgetLeft(string Operation, int Limit, TimeSpan Window, int Used, int Left, DateTimeOffset? FreesAt);
