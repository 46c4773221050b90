namespace MarketingOps.Core.Statistics;

/// <summary>The engine's answer for one metric of one experiment.</summary>
internal sealed record ExperimentAnalysis(
    AnalysisMethod Method,
    LiftKind Kind,
    MetricDirection Direction,
    double Alpha,
    PValueAdjustment Adjustment,
    IReadOnlyList<VariantResult> Variants,
    SrmResult? Srm);
