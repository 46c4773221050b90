namespace MarketingOps.Scripting.Workers;

/// <summary>What ended a worker, as far as the host can tell: a compile that dies of it needs other words than a run.</summary>
internal enum WorkerDeathCause
{
    /// <summary>Nothing the host recognised (a signal, an unexpected exit).</summary>
    Other,

    /// <summary>It overflowed its stack.</summary>
    StackOverflow,

    /// <summary>It ran out of memory, or passed the resident memory it may use and was killed.</summary>
    OutOfMemory,

    /// <summary>It sent the host more than a run may.</summary>
    Flood,

    /// <summary>It answered something the host could not use.</summary>
    Protocol,

    /// <summary>It stopped answering and the host killed it.</summary>
    Unresponsive,
}
