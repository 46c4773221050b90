using Polly.Contrib.WaitAndRetry;

namespace MarketingOps.Core.Publishing;

/// <summary>
/// Delays between retries of transient failures: Polly's decorrelated-jitter exponential backoff (the curve
/// Polly's own retry strategy uses), clamped to <see cref="PublishingOptions.RetryMaxDelay"/>.
/// </summary>
internal sealed class RetryBackoff
{
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
        var delay = Backoff.DecorrelatedJitterBackoffV2(baseDelay, failures, _seed()).ElementAt(failures - 1);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > maxDelay ? maxDelay : delay;
    }
}
