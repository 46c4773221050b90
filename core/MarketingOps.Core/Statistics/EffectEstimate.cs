namespace MarketingOps.Core.Statistics;

/// <summary>
/// The estimated difference between a variant and the control, before any test is applied.
/// <paramref name="Problem"/> says why no estimate could be made (the other values are then zero).
/// </summary>
internal sealed record EffectEstimate(
    double Estimate,
    double StandardError,
    double DegreesOfFreedom,
    long TotalCount,
    LiftKind Kind,
    string? Problem = null)
{
    public bool IsValid => Problem is null;
}
