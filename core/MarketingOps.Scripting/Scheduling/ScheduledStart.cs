namespace MarketingOps.Scripting.Scheduling;

/// <summary>What became of one firing of a scheduled script.</summary>
internal enum ScheduledStart
{
    /// <summary>Its run started.</summary>
    Started,

    /// <summary>Missed: its previous run was still going, or still waiting for a worker.</summary>
    StillRunning,

    /// <summary>The host is stopping; nothing starts any more.</summary>
    HostStopping,
}
