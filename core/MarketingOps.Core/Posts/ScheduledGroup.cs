namespace MarketingOps.Core.Posts;

/// <summary>Posts scheduled together, one per account (each the first part of its thread, if a thread), in the order asked.</summary>
/// <param name="GroupId">The group's id; none when only one account was named.</param>
/// <param name="Posts">One per account.</param>
public sealed record ScheduledGroup(string? GroupId, IReadOnlyList<ScheduledPost> Posts);
