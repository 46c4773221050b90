using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Running;

/// <summary>What a script run did: how it ended, its diagnostics (compile, policy or runtime), and what it returned or would have done.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Diagnostics">Errors and warnings in the compiler's format; a runtime failure is one diagnostic at the script's line.</param>
internal sealed record ScriptRunResult(ScriptOutcome Outcome, IReadOnlyList<ScriptDiagnostic> Diagnostics)
{
    public bool Succeeded => Outcome == ScriptOutcome.Completed;

    /// <summary>The script's final expression or <c>return</c> value, as text.</summary>
    public string? ReturnValue { get; init; }

    /// <summary>True when nothing was compiled: the image came from the cache, or the script was still loaded.</summary>
    public bool CacheHit { get; init; }

    /// <summary>True when the script was still loaded from an earlier run (no loading, no JIT).</summary>
    public bool WarmStart { get; init; }

    /// <summary>Under <c>--dry-run</c>, what the script would have done, in order.</summary>
    public IReadOnlyList<string> DryRunActions { get; init; } = [];

    /// <summary>Time spent before the script started (reading, cache lookup or compiling, starting a worker, loading).</summary>
    public TimeSpan PrepareTime { get; init; }

    /// <summary>Time the script itself ran.</summary>
    public TimeSpan RunTime { get; init; }

    /// <summary>True when the script's worker died under it or the host had to kill it (a deadline it did not stop at, a flood).</summary>
    public bool WorkerKilled { get; init; }

    /// <summary>True when the run started a worker process (no warm worker was free).</summary>
    public bool ColdWorker { get; init; }

    /// <summary>How many of the script's first reads the host answered with the run call, before the script asked.</summary>
    public int PrefetchedReads { get; init; }

    /// <summary>The version of the script that ran (its cache key); null when it was never read.</summary>
    public string? Version { get; init; }

    /// <summary>The lane its worker was granted in.</summary>
    public RunLane Lane { get; init; }

    /// <summary>True when it ran past <see cref="ScriptWorkerOptions.LongRunAfter"/> (its worker counted it as long).</summary>
    public bool RanLong { get; init; }
}
