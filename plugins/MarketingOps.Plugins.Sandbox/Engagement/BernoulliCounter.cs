namespace MarketingOps.Plugins.Sandbox.Engagement;

/// <summary>
/// Counts successes among the first n impressions, each a Bernoulli trial with the true rate drawn from a
/// random-access stream: the count is exactly Binomial(n, rate), never decreases as n grows, and is the
/// same whatever order or process asks. The last answer is kept so polling only draws the new impressions.
/// </summary>
internal sealed class BernoulliCounter(ulong stream, double rate)
{
    private long _trials;
    private long _successes;

    public double Rate => rate;

    public long CountUpTo(long trials)
    {
        if (rate <= 0)
        {
            return 0;
        }

        if (trials < _trials)
        {
            _trials = 0;
            _successes = 0;
        }

        for (var i = _trials; i < trials; i++)
        {
            if (IsSuccess(i))
            {
                _successes++;
            }
        }

        _trials = trials;
        return _successes;
    }

    /// <summary>The 0-based indices of the successful trials among the first <paramref name="trials"/>.</summary>
    public IEnumerable<long> SuccessesUpTo(long trials)
    {
        if (rate <= 0)
        {
            yield break;
        }

        for (var i = 0L; i < trials; i++)
        {
            if (IsSuccess(i))
            {
                yield return i;
            }
        }
    }

    private bool IsSuccess(long trial) => StableHash.UnitAt(stream, trial) < rate;
}
