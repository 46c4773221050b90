using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Reports;

/// <summary>One variant against the control for one metric.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Estimate">Lift over the control (relative: 0.1 = +10 %).</param>
/// <param name="Low">Lower bound of the interval.</param>
/// <param name="High">Upper bound of the interval.</param>
/// <param name="PValue">Raw p-value (frequentist and sequential).</param>
/// <param name="AdjustedPValue">p-value after the Holm (or BH) adjustment for several variants.</param>
/// <param name="ChanceToBeatControl">Chance the variant beats the control (not the chance to be best: see <see cref="ArmReport.ChanceToBeBest"/>), from a Bayesian look at the same data; shown for orientation whatever the method.</param>
/// <param name="Verdict">The engine's verdict under the experiment's method.</param>
/// <param name="Problem">Why no analysis was possible, if so.</param>
internal sealed record ComparisonReport(
    string Variant,
    double Estimate,
    double Low,
    double High,
    double? PValue,
    double? AdjustedPValue,
    double? ChanceToBeatControl,
    Verdict Verdict,
    string? Problem)
{
    /// <summary>An informative prior's share of the Bayesian estimate (0.4 = it pulled the lift 40 % of the way to its mean); null without a prior.</summary>
    public double? PriorWeight { get; init; }
}
