using System.Text.Json.Serialization;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>A script that runs as a recurring job.</summary>
/// <param name="Name">Unique name; the cron job is called <c>script:NAME</c>.</param>
/// <param name="File">The script's full path.</param>
/// <param name="Cron">Quartz cron expression, seconds first, e.g. <c>0 0 8 * * ?</c>.</param>
internal sealed record ScheduledScript(string Name, string File, string Cron)
{
    /// <summary>IANA zone the cron expression is read in. The default value is UTC.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>How long one run may take; null uses the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The script's <c>Args</c>. The default value is none.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Why the host stopped running it (its worker died too often); null while it runs on schedule. <c>mops script resume</c> clears it.</summary>
    public string? Paused { get; init; }

    /// <summary>When it was paused.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Runs in a row whose worker died or had to be killed; null after a run that ended on its own.</summary>
    public int? WorkerDeathsInARow { get; init; }

    /// <summary>Firings that did not run (the previous run still going, or never fired) since it was scheduled; null when none.</summary>
    public int? MissedRuns { get; init; }

    /// <summary>When the last missed firing was due.</summary>
    public DateTimeOffset? LastMissedAt { get; init; }

    /// <summary>Why the last missed firing did not run.</summary>
    public string? LastMissedReason { get; init; }

    /// <summary>When its last run ended (one the host's stop cut short is not counted).</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>How long its last run held a worker, its compile included.</summary>
    public TimeSpan? LastRunTook { get; init; }

    /// <summary>
    /// Whether its last run finished within <c>Scripting:LongRunAfter</c>: the record that lets its next run take the
    /// last worker. False: it ran long, so it shares the others with slow and new scripts.
    /// </summary>
    public bool? LastRunQuick { get; init; }

    /// <summary>The version of the script (the cache key of its sources) its last run ran: an edited script has no record.</summary>
    public string? LastRunVersion { get; init; }

    /// <summary>The work and cron job name the scheduler knows it by.</summary>
    [JsonIgnore]
    public string WorkName => "script:" + Name;
}
