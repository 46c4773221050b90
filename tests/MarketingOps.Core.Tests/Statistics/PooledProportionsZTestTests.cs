using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class PooledProportionsZTestTests
{
    [Fact]
    public void R9_matches_statsmodels_proportions_ztest()
    {
        var r = PooledProportionsZTest.Test(120, 4000, 150, 4000);
        Near(1.857354, r.Z, "z", 1e-6);
        Near(0.063261, r.PValue, "p", 1e-6);
        Near(0.0075, r.Difference, "difference", 1e-12);
    }

    [Fact]
    public void Zero_events_everywhere_gives_p_one()
    {
        Assert.Equal(1, PooledProportionsZTest.Test(0, 100, 0, 100).PValue);
    }
}
