namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>The publishing service's id of a scheduled post, or why it was refused.</summary>
internal sealed record ScheduleOutcome(string? PostId, string? Problem)
{
    public static ScheduleOutcome Scheduled(string postId) => new(postId, null);

    public static ScheduleOutcome Refused(string problem) => new(null, problem);
}
