namespace MarketingOps.Scripting.Running;

/// <summary>How a script run ended.</summary>
internal enum ScriptOutcome
{
    /// <summary>The script ran to its end.</summary>
    Completed,

    /// <summary>Compiler errors or policy violations: it never ran.</summary>
    Refused,

    /// <summary>It threw an exception.</summary>
    Failed,

    /// <summary>It ran past its timeout and was stopped.</summary>
    TimedOut,

    /// <summary>The host cancelled the run (shutting down).</summary>
    Cancelled,

    /// <summary>It ignored cancellation past the grace period; the host stopped waiting for it.</summary>
    Abandoned,
}
