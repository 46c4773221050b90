namespace MarketingOps.Core.Posts;

/// <summary>Where a post is in its life; <see cref="PostStateMachine"/> says which moves are legal.</summary>
public enum PostState
{
    /// <summary>Written but not submitted for publishing.</summary>
    Draft,

    /// <summary>Waiting in the approval inbox.</summary>
    PendingApproval,

    /// <summary>Stored and waiting for its time.</summary>
    Scheduled,

    /// <summary>Handed to the platform; the outcome is not recorded yet.</summary>
    Publishing,

    /// <summary>On the platform.</summary>
    Published,

    /// <summary>The platform refused it for good, or retries ran out.</summary>
    Failed,

    /// <summary>It may or may not be on the platform; a human has to look and resolve it.</summary>
    Unconfirmed,

    /// <summary>Withdrawn before it was published.</summary>
    Cancelled,

    /// <summary>Its time passed by more than the grace period while nothing could publish it.</summary>
    Missed,
}
