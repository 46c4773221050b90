namespace MarketingOps.Core.Experiments.Planning;

/// <summary>The planner's posts, in time order, and anything the marketer should change before starting.</summary>
internal sealed record AllocationResult(IReadOnlyList<PlannedPost> Posts, IReadOnlyList<string> Warnings);
