using MarketingOps.Core.Posts;

namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>
/// The experiments engine's port to publishing: schedule a post (through the normal guardrails and approval),
/// read back what became of it, cancel it. <see cref="PostServicePublisher"/> is the real one.
/// </summary>
internal interface IExperimentPublisher
{
    /// <summary>Schedules one post; a refusal (guardrail, platform rule, unknown account) comes back as the outcome's problem, not as an exception.</summary>
    Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks posts as <see cref="ScheduleAsync"/> would, each as if the earlier ones had been scheduled, storing nothing:
    /// one answer per request, in order.
    /// </summary>
    Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ExperimentPostRequest> requests, CancellationToken cancellationToken);

    /// <summary>What became of posts scheduled earlier.</summary>
    Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken);

    /// <summary>Withdraws a post that has not been published, recording <paramref name="reason"/> in its history; false when it is too late.</summary>
    Task<bool> CancelAsync(string postId, string reason, CancellationToken cancellationToken);
}
