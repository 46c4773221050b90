using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;

namespace MarketingOps.Core.Experiments;

/// <summary>An experiment as the store keeps it; every instant is UTC.</summary>
/// <param name="Id">The host's id.</param>
/// <param name="Definition">What it tests and how.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="EndsAt">The last slot plus the horizon: the final look.</param>
internal sealed record Experiment(string Id, ExperimentDefinition Definition, ExperimentState State, DateTimeOffset CreatedAt, DateTimeOffset EndsAt)
{
    public string Name => Definition.Name;

    /// <summary>Metrics collections that looked at the experiment so far.</summary>
    public int Looks { get; init; }

    /// <summary>The recorded decision, once the rule fired.</summary>
    public ExperimentDecision? Decision { get; init; }

    /// <summary>Why it stopped or completed, in words a person reads.</summary>
    public string? Note { get; init; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Bumped by every stored change (optimistic concurrency).</summary>
    public long Version { get; init; }

    public bool IsFinished => State is ExperimentState.Decided or ExperimentState.Completed or ExperimentState.Stopped;
}
