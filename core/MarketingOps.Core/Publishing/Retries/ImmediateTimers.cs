namespace MarketingOps.Core.Publishing.Retries;

/// <summary>A clock whose timers fire as soon as they are created, so <see cref="RetryBackoff"/> reads Polly's delays without waiting them.</summary>
internal sealed class ImmediateTimers : TimeProvider
{
    public static readonly ImmediateTimers Instance = new();

    private ImmediateTimers()
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        callback(state);
        return Fired.Instance;
    }

    private sealed class Fired : ITimer
    {
        public static readonly Fired Instance = new();

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
