namespace MarketingOps.Core.Statistics;

/// <summary>Events out of trials for one bandit arm; its posterior is Beta(1 + events, 1 + trials − events).</summary>
internal sealed record BetaArm(long Events, long Trials)
{
    public double PosteriorAlpha => 1 + Events;

    public double PosteriorBeta => 1 + Trials - Events;

    public static BetaArm Checked(long events, long trials, int index)
    {
        if (trials < 0 || events < 0 || events > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(events), $"Arm {index + 1} has {events} events out of {trials} trials; need 0 ≤ events ≤ trials.");
        }

        return new BetaArm(events, trials);
    }
}
