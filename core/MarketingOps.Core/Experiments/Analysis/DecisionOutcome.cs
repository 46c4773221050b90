namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>What one look concluded: a decision, the end without a winner, or nothing yet.</summary>
internal sealed record DecisionOutcome(ExperimentDecision? Decision, bool Completed, string? Note)
{
    public static DecisionOutcome Continue { get; } = new(null, false, null);
}
