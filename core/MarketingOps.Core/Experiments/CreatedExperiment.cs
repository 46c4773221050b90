namespace MarketingOps.Core.Experiments;

/// <summary>A new experiment, its posts (scheduled or refused) and the planner's warnings.</summary>
internal sealed record CreatedExperiment(Experiment Experiment, IReadOnlyList<ExperimentPost> Posts, IReadOnlyList<string> Warnings);
