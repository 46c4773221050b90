namespace MarketingOps.Core.Publishing;

/// <summary>At most <see cref="Limit"/> publishes per account in any <see cref="Window"/>.</summary>
public sealed class RateBudgetOptions
{
    /// <summary>Publishes allowed per window. The default value is 0 (invalid: it must be set).</summary>
    public int Limit { get; set; }

    /// <summary>The window's length. The default value is zero (invalid: it must be set).</summary>
    public TimeSpan Window { get; set; }
}
