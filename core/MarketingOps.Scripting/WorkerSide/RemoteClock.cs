using System.Diagnostics;
using MarketingOps.Scripting.Protocol;

namespace MarketingOps.Scripting.WorkerSide;

/// <summary>
/// The host's clock seen from a worker, for hosts whose clock is not the system's (the demo's accelerated time, a test's
/// fake time): the time is asked for, and a timer (what <c>Delay</c> waits on) fires when the host's clock says so.
/// </summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
internal sealed class RemoteClock(HostConnection host, TimeZoneInfo localTimeZone) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => localTimeZone;

    public override DateTimeOffset GetUtcNow() => host.Call<DateTimeOffset>(WorkerMethods.ClockNow);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new RemoteTimer(host, callback, state, dueTime, period);
}
