using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class SampleSizeCalculatorTests
{
    // Reference: the classic two-proportion formula (Fleiss, Statistical Methods for Rates and Proportions,
    // without continuity correction): 5 % vs 10 %, α = 0.05 two-sided, power 0.8 → 434.43, i.e. 435 per arm.
    [Fact]
    public void Five_versus_ten_percent_needs_435_per_arm()
    {
        var r = SampleSizeCalculator.TwoProportions(0.05, 1.0, 0.05, 0.8);
        Assert.Equal(435, r.PerArm);
        GoldenCases.Near(434.432022, r.ExactPerArm, "exact n", 1e-5);
        GoldenCases.Near(0.10, r.VariantRate, "variant rate", 1e-12);
    }

    // Same formula evaluated with Python's statistics.NormalDist: 3 % baseline, +20 % relative → 13913.58.
    [Fact]
    public void A_small_rate_and_effect_needs_many_impressions()
    {
        var r = SampleSizeCalculator.TwoProportions(0.03, 0.2);
        GoldenCases.Near(13913.576627, r.ExactPerArm, "exact n", 1e-4);
        Assert.Equal(13914, r.PerArm);
    }

    [Fact]
    public void More_power_or_a_smaller_effect_needs_more_data()
    {
        var baseline = SampleSizeCalculator.TwoProportions(0.1, 0.1).PerArm;
        Assert.True(SampleSizeCalculator.TwoProportions(0.1, 0.1, power: 0.9).PerArm > baseline);
        Assert.True(SampleSizeCalculator.TwoProportions(0.1, 0.05).PerArm > baseline);
    }

    [Theory]
    [InlineData(0, 0.1, 0.05, 0.8, "baselineRate")]
    [InlineData(0.05, 0, 0.05, 0.8, "relativeEffect")]
    [InlineData(0.6, 1, 0.05, 0.8, "relativeEffect")]
    [InlineData(0.05, 0.1, 1.5, 0.8, "alpha")]
    [InlineData(0.05, 0.1, 0.05, 1, "power")]
    public void Bad_input_names_the_argument(double baseline, double effect, double alpha, double power, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SampleSizeCalculator.TwoProportions(baseline, effect, alpha, power));
        Assert.Equal(name, e.ParamName);
    }
}
