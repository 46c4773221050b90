using MarketingOps.Core.Statistics;

namespace MarketingOps.Host.Commands.Stats;

/// <summary>The JSON document of <c>mops stats proportions --json</c>.</summary>
internal sealed record ProportionsOutput(
    AnalysisMethod Method,
    LiftKind Lift,
    MetricDirection Direction,
    double Alpha,
    PValueAdjustment Adjustment,
    double? SequentialTuning,
    NormalPrior? Prior,
    ArmOutput Control,
    IReadOnlyList<VariantOutput> Variants);
