namespace MarketingOps.Scripting.Workers;

/// <summary>Why a worker gave no reply.</summary>
internal enum WorkerStop
{
    /// <summary>It replied.</summary>
    None,

    /// <summary>It ran past its deadline and the host killed it.</summary>
    KilledAtDeadline,

    /// <summary>The caller cancelled, the worker did not stop within the grace period, and the host killed it.</summary>
    KilledWhenCancelled,

    /// <summary>The caller cancelled and the worker stopped (it answered with a cancellation).</summary>
    Cancelled,

    /// <summary>It died on its own (stack overflow, out of memory, a signal) or broke the protocol; see the death.</summary>
    Died,
}
