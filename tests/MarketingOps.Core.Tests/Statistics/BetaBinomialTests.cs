using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class BetaBinomialTests
{
    [Fact]
    public void R9_exact_chance_that_B_beats_A()
    {
        Near(0.968226, BetaBinomial.ChanceToBeat(120, 4000, 150, 4000), "P(p_B > p_A)", 1e-6);
    }

    [Fact]
    public void The_two_directions_add_up_to_one()
    {
        var forward = BetaBinomial.ChanceToBeat(120, 4000, 150, 4000);
        var backward = BetaBinomial.ChanceToBeat(150, 4000, 120, 4000);
        Near(1, forward + backward, "sum", 1e-9);
    }

    [Fact]
    public void Identical_arms_are_a_coin_flip()
    {
        Near(0.5, BetaBinomial.ChanceToBeat(7, 50, 7, 50), "P", 1e-9);
    }

    [Fact]
    public void More_events_than_trials_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomial.ChanceToBeat(5, 4, 1, 4));
    }
}
