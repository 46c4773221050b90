namespace MarketingOps.Scripting;

/// <summary>Where a post is in its life, from draft to published.</summary>
/// <remarks>The engine's own states by name; scripts compile against this assembly alone, never against the engine.</remarks>
public enum ScriptPostState
{
    /// <summary>Saved, not scheduled.</summary>
    Draft,

    /// <summary>Waiting in the human approval inbox.</summary>
    PendingApproval,

    /// <summary>Waiting for its time.</summary>
    Scheduled,

    /// <summary>Being handed to the platform right now.</summary>
    Publishing,

    /// <summary>Live on the platform.</summary>
    Published,

    /// <summary>The platform refused it; the reason is kept.</summary>
    Failed,

    /// <summary>The outcome is unknown and waits for a human.</summary>
    Unconfirmed,

    /// <summary>Cancelled before it was published.</summary>
    Cancelled,

    /// <summary>Its time passed while the host was down, beyond the grace period.</summary>
    Missed,
}
