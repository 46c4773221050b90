namespace MarketingOps.Core.Experiments;

/// <summary>Where an experiment is in its life.</summary>
internal enum ExperimentState
{
    /// <summary>Stored, posts not scheduled yet.</summary>
    Draft,

    /// <summary>Posts scheduled or published; metrics are collected and the decision rule is watched.</summary>
    Running,

    /// <summary>The decision rule fired; the decision is recorded.</summary>
    Decided,

    /// <summary>The horizon passed without a winner.</summary>
    Completed,

    /// <summary>Stopped by a person or a script; unpublished posts were cancelled.</summary>
    Stopped,
}
