namespace MarketingOps.Sdk;

/// <summary>Limits a platform enforces; the host's guardrails and scheduler read them.</summary>
public sealed record PlatformLimits
{
    /// <summary>The longest text the platform accepts, measured by <see cref="LengthRule"/>. The default value is 500.</summary>
    public int MaxTextLength { get; init; } = 500;

    /// <summary>How text length is counted. The default value is <see cref="TextLengthRule.Graphemes"/>.</summary>
    public TextLengthRule LengthRule { get; init; } = TextLengthRule.Graphemes;

    /// <summary>The most media attachments one post may carry. The default value is 4.</summary>
    public int MaxMedia { get; init; } = 4;

    /// <summary>The most post ids one metrics request may ask for. The default value is 100.</summary>
    public int MetricsBatchSize { get; init; } = 100;

    /// <summary>Request budgets per account. The default value is none.</summary>
    public IReadOnlyList<RateBudget> RateBudgets { get; init; } = [];
}
