using MarketingOps.Core.Statistics;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>What the rehearsal found: how often the plan picks the best variant, and how often it picks one when all are equal.</summary>
/// <param name="Runs">Rehearsals with the stated rates (and as many A/A ones).</param>
/// <param name="Best">The variant with the best stated rate: the right answer; null when several share it.</param>
/// <param name="Power">Share of runs that declared <paramref name="Best"/> the winner; null without a best variant.</param>
/// <param name="WrongWinner">Share of runs that declared another variant the winner.</param>
/// <param name="NoDecision">Share of runs that ended without a winner.</param>
/// <param name="MedianHoursToDecision">Median time from the start to a decision, over runs that decided; null when none did.</param>
/// <param name="FalsePositiveRate">Share of A/A runs (every rate the control's) that declared a winner.</param>
/// <param name="Nominal">The error rate the decision rule promises: α, or 1 − the chance to beat control a Bayesian rule needs.</param>
/// <param name="Method">The decision rule's inference.</param>
internal sealed record SimulationSummary(
    int Runs,
    string? Best,
    double? Power,
    double WrongWinner,
    double NoDecision,
    double? MedianHoursToDecision,
    double FalsePositiveRate,
    double Nominal,
    AnalysisMethod Method)
{
    /// <summary>The power a plan needs to be worth running: 80 %, as sample-size calculators assume.</summary>
    public const double TargetPower = 0.8;

    /// <summary>Posts of every run (A/A too) that went out.</summary>
    public int PostsPublished { get; init; }

    /// <summary>Planned posts withdrawn because a decision came first (they would have gone out uncounted).</summary>
    public int PostsCancelled { get; init; }

    public bool Underpowered => Power < TargetPower;

    /// <summary>Whether power means anything: one variant is better than the others by the stated rates.</summary>
    public bool HasBest => Best is not null;

    /// <summary>Whether the A/A rate is above the promised one by more than two binomial standard errors of this many runs.</summary>
    public bool FalsePositivesAboveNominal => FalsePositiveRate > Nominal + (2 * Math.Sqrt(Nominal * (1 - Nominal) / Runs));
}
