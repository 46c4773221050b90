using MarketingOps.Plugins.Sandbox.Settings;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Engagement;

/// <summary>
/// One post's counters as a pure function of (seed, post id, elapsed time). Impressions follow a saturating
/// curve, reach × (1 − 2^(−hours / half-life)), so most arrive in the first hours; each engagement counter is a
/// Bernoulli draw per impression at the post's true rate (see <see cref="BernoulliCounter"/>).
/// </summary>
internal sealed class PostEngagement
{
    // Lognormal spread of reach between posts (mean 1): some posts travel further, whatever their text.
    private const double ReachSigma = 0.25;

    private readonly double _expectedReach;
    private readonly double _halfLifeHours;
    private readonly double _timeScale;
    private readonly BernoulliCounter _clicks;
    private readonly BernoulliCounter _likes;
    private readonly BernoulliCounter _reposts;
    private readonly BernoulliCounter _replies;

    public PostEngagement(long seed, string postId, double audience, EngagementRates rates, SandboxSettings settings)
    {
        var reachStream = StableHash.Of(seed, postId, "reach");
        var factor = Math.Exp((ReachSigma * StableHash.NormalAt(reachStream, 0)) - (ReachSigma * ReachSigma / 2));
        _expectedReach = audience * settings.Reach * factor;
        _halfLifeHours = settings.ReachHalfLifeHours;
        _timeScale = settings.TimeScale;
        _clicks = new BernoulliCounter(StableHash.Of(seed, postId, MetricNames.LinkClicks), rates.ClickRate);
        _likes = new BernoulliCounter(StableHash.Of(seed, postId, MetricNames.Likes), rates.LikeRate);
        _reposts = new BernoulliCounter(StableHash.Of(seed, postId, MetricNames.Reposts), rates.RepostRate);
        _replies = new BernoulliCounter(StableHash.Of(seed, postId, MetricNames.Replies), rates.ReplyRate);
    }

    /// <summary>Impressions the post will approach as time goes on.</summary>
    public double ExpectedReach => _expectedReach;

    public long ImpressionsAt(TimeSpan elapsed)
    {
        var hours = Math.Max(0, elapsed.TotalHours) * _timeScale;
        return (long)Math.Floor(_expectedReach * (1 - Math.Pow(2, -hours / _halfLifeHours)));
    }

    public Dictionary<string, long> CountersAt(TimeSpan elapsed)
    {
        var impressions = ImpressionsAt(elapsed);
        return new Dictionary<string, long>
        {
            [MetricNames.Impressions] = impressions,
            [MetricNames.Likes] = _likes.CountUpTo(impressions),
            [MetricNames.Reposts] = _reposts.CountUpTo(impressions),
            [MetricNames.Replies] = _replies.CountUpTo(impressions),
            [MetricNames.LinkClicks] = _clicks.CountUpTo(impressions),
        };
    }

    /// <summary>Each reply so far: its impression index (stable id) and how long after publishing (host time) it came.</summary>
    public IEnumerable<(long Index, TimeSpan After)> RepliesAt(TimeSpan elapsed)
    {
        foreach (var index in _replies.SuccessesUpTo(ImpressionsAt(elapsed)))
        {
            yield return (index, Min(TimeOfImpression(index), elapsed));
        }
    }

    /// <summary>Inverts the curve: when impression <paramref name="index"/> (0-based) was shown, in host time.</summary>
    private TimeSpan TimeOfImpression(long index)
    {
        var share = Math.Min(1, (index + 1) / _expectedReach);
        var hours = share >= 1 ? double.MaxValue : -_halfLifeHours * Math.Log2(1 - share);
        return hours >= TimeSpan.MaxValue.TotalHours / 2 ? TimeSpan.MaxValue : TimeSpan.FromHours(hours / _timeScale);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
