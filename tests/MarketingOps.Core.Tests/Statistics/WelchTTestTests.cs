using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class WelchTTestTests
{
    [Fact]
    public void R1_means_relative()
    {
        var r = WelchTTest.Test(R1A, R1B, LiftKind.Relative);
        Frequentist(r, lift: 0.70732, low: -0.03526, high: 1.44989, se: 0.37879, p: 0.06191);
    }

    [Fact]
    public void R1_means_absolute_matches_scipy_welch()
    {
        var r = WelchTTest.Test(R1A, R1B, LiftKind.Absolute);
        Near(0.29, r.Estimate, "lift");
        Interval(0.04538, 0.53462, r);
        Near(0.12478, r.StandardError, "SE");
        Near(0.020158, r.PValue, "p (scipy ttest_ind equal_var=False)", 1e-6);
    }

    [Fact]
    public void R2_proportions_relative()
    {
        var r = WelchTTest.Test(R2A, R2B, LiftKind.Relative);
        Frequentist(r, lift: 0.06667, low: -0.47767, high: 0.61101, se: 0.2717, p: 0.80707);
    }

    [Fact]
    public void R9_click_rate_relative()
    {
        var r = WelchTTest.Test(R9A, R9B, LiftKind.Relative);
        Near(0.25, r.Estimate, "lift", 1e-6);
        Interval(-0.045059, 0.545059, r, 1e-6);
        Near(0.096771, r.PValue, "p", 1e-6);
    }

    [Fact]
    public void R9_click_rate_absolute()
    {
        var r = WelchTTest.Test(R9A, R9B, LiftKind.Absolute);
        Near(0.0075, r.Estimate, "lift", 1e-6);
        Interval(-0.000414, 0.015414, r, 1e-6);
        Near(0.063241, r.PValue, "p", 1e-6);
    }

    [Fact]
    public void Swapping_arms_negates_the_absolute_lift_and_keeps_the_p_value()
    {
        var forward = WelchTTest.Test(R1A, R1B, LiftKind.Absolute);
        var backward = WelchTTest.Test(R1B, R1A, LiftKind.Absolute);
        Near(-forward.Estimate, backward.Estimate, "lift", 1e-12);
        Near(-forward.High, backward.Low, "CI", 1e-9);
        Near(forward.PValue, backward.PValue, "p", 1e-12);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_interval_contains_the_estimate_and_narrows_with_more_data(bool relative)
    {
        var kind = relative ? LiftKind.Relative : LiftKind.Absolute;
        var small = WelchTTest.Test(ArmStatistics.Proportion(30, 1000), ArmStatistics.Proportion(36, 1000), kind);
        var large = WelchTTest.Test(ArmStatistics.Proportion(300, 10_000), ArmStatistics.Proportion(360, 10_000), kind);
        Assert.InRange(small.Estimate, small.Low, small.High);
        Assert.InRange(large.Estimate, large.Low, large.High);
        Assert.True(large.High - large.Low < small.High - small.Low, "ten times the data must narrow the interval");
        Assert.True(large.PValue < small.PValue);
    }

    [Fact]
    public void Identical_arms_have_zero_lift_and_p_one()
    {
        var r = WelchTTest.Test(R9A, R9A, LiftKind.Relative);
        Assert.Equal(0, r.Estimate);
        Near(1, r.PValue, "p", 1e-12);
    }

    [Fact]
    public void A_zero_baseline_is_reported_not_divided_by()
    {
        var r = WelchTTest.Test(new ArmStatistics(10, 0, 0), R5B, LiftKind.Relative);
        Assert.NotNull(r.Problem);
        Assert.Equal(1, r.PValue);
    }

    [Fact]
    public void The_confidence_interval_agrees_with_the_p_value_at_alpha()
    {
        var r = WelchTTest.Test(R1A, R1B, LiftKind.Absolute);
        Assert.True(r.PValue < 0.05);
        Assert.True(r.Low > 0, "a significant result's 95 % interval must exclude zero");
    }
}
