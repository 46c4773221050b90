namespace MarketingOps.Scripting;

/// <summary>Where an experiment is in its life.</summary>
public enum ExperimentStatus
{
    /// <summary>Posting and collecting metrics.</summary>
    Running,

    /// <summary>The decision rule fired; the winner is recorded.</summary>
    Decided,

    /// <summary>The horizon passed without a winner.</summary>
    Completed,

    /// <summary>Stopped by a person or a script.</summary>
    Stopped,
}
