namespace MarketingOps.Core.Links;

/// <summary>Which links to list; every filter is optional.</summary>
public sealed record LinkQuery
{
    public string? Account { get; init; }

    public string? PostId { get; init; }

    public string? ExperimentId { get; init; }

    /// <summary>Only short links (with a code). The default value is false.</summary>
    public bool ShortOnly { get; init; }

    /// <summary>At most this many, newest first. The default value is 100.</summary>
    public int Limit { get; init; } = 100;
}
