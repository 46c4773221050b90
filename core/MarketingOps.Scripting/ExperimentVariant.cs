namespace MarketingOps.Scripting;

/// <summary>One arm of an experiment: a wording, and optionally its own account or posting-time shift.</summary>
/// <param name="Name">A short name, unique within the experiment (e.g. <c>A</c>, <c>question</c>).</param>
/// <param name="Text">The post text this variant publishes.</param>
public sealed record ExperimentVariant(string Name, string Text)
{
    /// <summary>Publish this variant from this account instead of the experiment's accounts. The default value is null.</summary>
    public string? Account { get; init; }

    /// <summary>Shift this variant's posting slots by this much (to test posting times). The default value is zero.</summary>
    public TimeSpan TimeShift { get; init; }
}
