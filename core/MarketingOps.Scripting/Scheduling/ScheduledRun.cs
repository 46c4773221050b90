using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>A scheduled script's run in flight: when it was due, its lane, and since when it has a worker.</summary>
internal sealed class ScheduledRun(DateTimeOffset due)
{
    private long _started = long.MinValue;
    private int _lane = -1;

    public DateTimeOffset Due { get; } = due;

    /// <summary>When it got its worker; null while it waits for one.</summary>
    public DateTimeOffset? StartedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _started);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        set => Interlocked.Exchange(ref _started, value?.UtcTicks ?? long.MinValue);
    }

    /// <summary>Why it did not start once it had a worker ("unscheduled", "paused"); null while it is wanted.</summary>
    public string? Dropped { get; set; }

    /// <summary>The lane it asked for; null before its script was read.</summary>
    public RunLane? Lane
    {
        get
        {
            var lane = Volatile.Read(ref _lane);
            return lane < 0 ? null : (RunLane)lane;
        }
        set => Volatile.Write(ref _lane, value is { } known ? (int)known : -1);
    }
}
