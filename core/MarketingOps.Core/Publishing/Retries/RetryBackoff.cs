using Polly;
using Polly.Retry;

namespace MarketingOps.Core.Publishing.Retries;

/// <summary>
/// Delays between retries of transient failures: Polly's own jittered exponential backoff
/// (<see cref="DelayBackoffType.Exponential"/> with <see cref="RetryStrategyOptions{TResult}.UseJitter"/>), capped at
/// <see cref="PublishingOptions.RetryMaxDelay"/>.
/// </summary>
/// <remarks>
/// A retry here is a rescheduled Quartz job, not an in-process wait, and Polly keeps its formula internal. So the
/// delay is read off a retry pipeline that fails <c>failures</c> times on a clock whose timers fire at once: the
/// jitter of each delay depends on the ones before it, as it does inside Polly.
/// </remarks>
internal sealed class RetryBackoff
{
    /// <summary>Polly's upper bound for <see cref="RetryStrategyOptions{TResult}.Delay"/> and the longest retry delay we allow.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(1);

    private readonly Func<int?> _seed;

    public RetryBackoff()
        : this(() => null)
    {
    }

    /// <summary>Tests pass a seed source to make the jitter repeatable.</summary>
    public RetryBackoff(Func<int?> seed)
    {
        _seed = seed;
    }

    /// <summary>The delay before retry number <paramref name="failures"/> (1 after the first failure).</summary>
    public TimeSpan DelayFor(int failures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDelay, LongestDelay);
        var delay = TimeSpan.Zero;
        var random = _seed() is int seed ? new Random(seed) : Random.Shared;
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = _ => PredicateResult.True(),
            MaxRetryAttempts = failures,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = baseDelay,
            MaxDelay = maxDelay,
            Randomizer = random.NextDouble,
            OnRetry = args =>
            {
                delay = args.RetryDelay;
                return default;
            },
        };
        new ResiliencePipelineBuilder { TimeProvider = ImmediateTimers.Instance }.AddRetry(retry).Build().Execute(static () => { });
        return delay;
    }
}
