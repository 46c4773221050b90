using System.Globalization;
using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>Why a scheduled script's firing was missed while its previous run went on or waited, in words for <c>mops script scheduled</c>.</summary>
internal static class WaitExplanation
{
    public static string Of(ScheduledRun previous, IReadOnlyList<WorkerHolder> holders, ScriptWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(options);
        if (previous.StartedAt is { } started)
        {
            return Invariant($"its previous run was still going (due {previous.Due:u}, running since {started:u})");
        }

        var max = Math.Max(1, options.MaxWorkers);
        var shared = Math.Max(1, max - 1);
        var bound = Describe(options.LongRunAfter);
        var sharing = Names(holders.Where(h => !h.Trial && (h.Long || h.Lane != RunLane.Quick)));
        var why = previous.Lane switch
        {
            _ when max == 1 => Invariant($"the only worker was busy ({Names(holders)})"),
            RunLane.New => Invariant($"it has no record of finishing within {bound}, so it shares {shared} of the {max} workers with slow scripts (held by {sharing}) and may try the last one only when it is free and no other new script is trying it (now: {Names(holders.Where(h => h.Trial))})"),
            RunLane.Slow => Invariant($"it ran past {bound} lately, so it shares {shared} of the {max} workers with new scripts (held by {sharing})"),
            _ => Invariant($"every worker was busy ({Names(holders)})"),
        };
        return Invariant($"its previous run was still waiting for a worker (due {previous.Due:u}): {why}");
    }

    /// <summary>A duration as a person reads it: 1.5 s, 2 min 5 s, 1 h 0 min.</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => Invariant($"{span.TotalSeconds:0.###} s"),
        { TotalSeconds: < 60 } => Invariant($"{span.TotalSeconds:0.#} s"),
        { TotalHours: < 1 } => Invariant($"{(int)span.TotalMinutes} min {span.Seconds} s"),
        _ => Invariant($"{(int)span.TotalHours} h {span.Minutes} min"),
    };

    private static string Names(IEnumerable<WorkerHolder> holders)
    {
        var names = holders.Select(h => h.Holder).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
