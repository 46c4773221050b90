namespace MarketingOps.Core.Access;

/// <summary>What a user or token may do; each role includes every lower one.</summary>
public enum UserRole
{
    /// <summary>Read-only views.</summary>
    Viewer = 1,

    /// <summary>The approval inbox and read-only views: the client's own staff.</summary>
    Approver = 2,

    /// <summary>Compose, schedule, experiments and scripts, and everything an approver does.</summary>
    Editor = 3,

    /// <summary>Everything, including users and tokens.</summary>
    Owner = 4,
}
