using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Reports;

/// <summary>Everything <c>mops experiment report</c> shows: totals, comparisons, checks, decision, warnings and caveats.</summary>
internal sealed record ExperimentReport(
    string ExperimentId,
    string Name,
    string Description,
    ExperimentState State,
    string Metric,
    AnalysisUnit Unit,
    AnalysisMethod Method,
    LiftKind Lift,
    MetricDirection Direction,
    double Alpha,
    int Looks,
    DateTimeOffset CreatedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ArmReport> Arms,
    IReadOnlyList<ComparisonReport> Comparisons,
    bool EnoughData,
    string Summary)
{
    public IReadOnlyList<GuardrailReport> Guardrails { get; init; } = [];

    public SrmReport? Srm { get; init; }

    public IReadOnlyList<VariantSeries> Series { get; init; } = [];

    /// <summary>How the series are grouped, chosen from the experiment's span (a minute for a test of minutes, a day for one of months).</summary>
    public TimeSpan SeriesBucket { get; init; } = TimeSpan.FromHours(1);

    public ExperimentDecision? Decision { get; init; }

    /// <summary>The informative prior a Bayesian analysis assumed; null for none (the default) or another method.</summary>
    public NormalPrior? Prior { get; init; }

    /// <summary>Things wrong with this experiment's data: lost posts, mismatches, non-comparable slots, dispersion.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What every reader must know about comparing social posts, said plainly.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];
}
