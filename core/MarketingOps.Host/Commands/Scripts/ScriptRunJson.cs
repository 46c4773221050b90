using MarketingOps.Scripting.Running;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script run --json</c>: how the run ended, what the script returned and printed, and what it cost.</summary>
/// <param name="File">The script, as the text output names it.</param>
/// <param name="Outcome">Completed, Failed, TimedOut, Cancelled, Refused or Crashed.</param>
/// <param name="Succeeded">It ran to its end (the exit code is 0).</param>
/// <param name="Value">The script's return value as text; absent when it returned nothing or did not end.</param>
/// <param name="Output">Everything the script printed in this run (cut at the run's output limit, as on the console).</param>
/// <param name="Diagnostics">Compiler, policy and runtime problems, and warnings (a cut output or value).</param>
/// <param name="DryRunActions">Under <c>--dry-run</c>, what the script would have done, in order; absent otherwise.</param>
/// <param name="PrepareMilliseconds">Reading, cache lookup or compiling, waiting for a worker, loading.</param>
/// <param name="RunMilliseconds">The script's own run.</param>
/// <param name="CacheHit">Nothing was compiled: the compiled script came from the cache or was still loaded.</param>
/// <param name="WorkerKilled">The script's worker process died under it or was killed by the host.</param>
internal sealed record ScriptRunJson(
    string File,
    ScriptOutcome Outcome,
    bool Succeeded,
    string? Value,
    string Output,
    IReadOnlyList<ScriptDiagnosticJson> Diagnostics,
    IReadOnlyList<string>? DryRunActions,
    double PrepareMilliseconds,
    double RunMilliseconds,
    bool CacheHit,
    bool WorkerKilled);
