namespace MarketingOps.Core.Experiments.Reports;

/// <summary>One variant's posts and totals for the primary metric.</summary>
/// <param name="Variant">Index (0 = control).</param>
/// <param name="Name">The variant's name.</param>
/// <param name="PostsPlanned">Posts the plan gave it.</param>
/// <param name="PostsPublished">Posts that reached the platform (deleted ones included).</param>
/// <param name="PostsMeasured">Published posts with counters for the metric.</param>
/// <param name="PostsDeleted">Posts deleted after publishing; their last counters still count.</param>
/// <param name="PostsLost">Posts refused by guardrails or failed to publish.</param>
/// <param name="Impressions">Impressions of the measured posts.</param>
/// <param name="Numerator">Sum of the metric's numerator.</param>
/// <param name="Denominator">Sum of the metric's denominator.</param>
internal sealed record ArmReport(
    int Variant,
    string Name,
    int PostsPlanned,
    int PostsPublished,
    int PostsMeasured,
    int PostsDeleted,
    int PostsLost,
    long Impressions,
    long Numerator,
    long Denominator)
{
    /// <summary>Planned posts withdrawn before they went out (the experiment was stopped or decided); not lost.</summary>
    public int PostsCancelled { get; init; }

    /// <summary>Planned posts whose time has come (cancelled ones aside): what the sample-ratio check compares impressions with.</summary>
    public int PostsDue { get; init; }

    /// <summary>
    /// The chance this variant is the best of all (the control included), from the same data; null before every
    /// variant has data. Not the chance to beat the control, which is per comparison.
    /// </summary>
    public double? ChanceToBeBest { get; init; }

    /// <summary>Numerator per denominator, pooled over the measured posts.</summary>
    public double Rate => Denominator == 0 ? 0 : (double)Numerator / Denominator;
}
