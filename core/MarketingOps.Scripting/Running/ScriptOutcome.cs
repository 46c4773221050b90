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

    /// <summary>Its worker process died under it (stack overflow, out of memory, a flood) and the host carried on.</summary>
    Crashed,
}
