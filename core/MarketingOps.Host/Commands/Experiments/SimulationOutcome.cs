namespace MarketingOps.Host.Commands.Experiments;

/// <summary>One rehearsed experiment: the winner it declared (null when none), how long after its start, and what became of its posts.</summary>
internal sealed record SimulationOutcome(string? Winner, TimeSpan? TimeToDecision, int Published, int Cancelled);
