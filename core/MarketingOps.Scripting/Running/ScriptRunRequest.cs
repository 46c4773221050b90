using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Running;

/// <summary>One run of a script.</summary>
/// <param name="Services">The host's engines behind the globals.</param>
internal sealed record ScriptRunRequest(ScriptServices Services)
{
    /// <summary>The script's <c>Args</c>. The default value is none.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>How long the run may take; null uses <see cref="ScriptRunnerOptions.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Record and print posts and experiments instead of creating them. The default value is false.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// For a scheduled run: its lane from the script's record, given the version (cache key) about to run. Null (the
    /// default) for a run a person started: it is <see cref="RunLane.Quick"/> unless the script ran long lately.
    /// </summary>
    public Func<string, RunLane>? Pace { get; init; }

    /// <summary>Names the run among the workers' holders. The default value is the script's file name.</summary>
    public string? Holder { get; init; }

    /// <summary>Called with the run's lane as it starts to wait for a worker.</summary>
    public Action<RunLane>? Queued { get; init; }

    /// <summary>
    /// Called once the run has a worker (a scheduled run tells waiting from running with it); false gives the worker
    /// back unused and ends the run as cancelled (a scheduled script unscheduled or paused while it waited).
    /// </summary>
    public Func<bool>? WorkerGranted { get; init; }
}
