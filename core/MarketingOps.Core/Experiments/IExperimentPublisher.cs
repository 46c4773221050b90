namespace MarketingOps.Core.Experiments;

/// <summary>
/// The experiments engine's port to publishing: schedule a post (through the normal guardrails and approval),
/// read back what became of it, cancel it. <see cref="PostServicePublisher"/> is the real one.
/// </summary>
internal interface IExperimentPublisher
{
    /// <summary>Schedules one post; a refusal (guardrail, platform rule, unknown account) comes back as the outcome's problem, not as an exception.</summary>
    Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken);

    /// <summary>What became of posts scheduled earlier.</summary>
    Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken);

    /// <summary>Withdraws a post that has not been published; false when it is too late.</summary>
    Task<bool> CancelAsync(string postId, CancellationToken cancellationToken);
}
