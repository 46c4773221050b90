namespace MarketingOps.Core.Experiments;

/// <summary>Where one experiment post is, as far as the experiment is concerned.</summary>
internal enum ExperimentPostStatus
{
    /// <summary>Planned, not handed to publishing yet.</summary>
    Planned,

    /// <summary>Handed to publishing; waiting for its time.</summary>
    Scheduled,

    /// <summary>Publishing refused it (guardrails, platform rules): it never runs.</summary>
    Refused,

    /// <summary>On the platform; its metrics are collected.</summary>
    Published,

    /// <summary>Publishing failed or missed its time: a lost post.</summary>
    Failed,

    /// <summary>Withdrawn before publishing: the experiment was stopped or decided, or a person cancelled it. Not a lost post.</summary>
    Cancelled,

    /// <summary>Deleted on the platform after publishing; its last counters still count.</summary>
    Deleted,
}
