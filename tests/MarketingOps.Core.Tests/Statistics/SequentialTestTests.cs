using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class SequentialTestTests
{
    [Fact]
    public void R3_proportions_relative_tuned_at_5000()
    {
        var r = SequentialTest.Test(R3A, R3B, LiftKind.Relative, tuning: 5000);
        Frequentist(r, lift: 0.50386, low: 0.40098, high: 0.60675, se: 0.03386, p: 0.0);
    }

    [Fact]
    public void R3_means_relative_tuned_at_1000()
    {
        var r = SequentialTest.Test(R1A with { Count = 3000 }, R1B, LiftKind.Relative, tuning: 1000);
        Frequentist(r, lift: 0.50336, low: -0.55844, high: 1.56516, se: 0.33341, p: 1);
    }

    [Fact]
    public void R9_click_rate_absolute_tuned_at_5000()
    {
        var r = SequentialTest.Test(R9A, R9B, LiftKind.Absolute, tuning: 5000);
        Interval(-0.004803, 0.019803, r, 1e-6);
        Near(0.747495, r.PValue, "p", 1e-6);
    }

    [Fact]
    public void The_sequence_is_always_wider_than_the_fixed_sample_interval()
    {
        var fixedSample = WelchTTest.Test(R9A, R9B, LiftKind.Absolute);
        var sequential = SequentialTest.Test(R9A, R9B, LiftKind.Absolute);
        Assert.True(sequential.Low < fixedSample.Low && sequential.High > fixedSample.High);
        Assert.True(sequential.PValue > fixedSample.PValue);
    }

    [Fact]
    public void The_interval_contains_the_estimate_and_narrows_with_more_data()
    {
        var small = SequentialTest.Test(ArmStatistics.Proportion(30, 1000), ArmStatistics.Proportion(36, 1000), LiftKind.Relative);
        var large = SequentialTest.Test(ArmStatistics.Proportion(300, 10_000), ArmStatistics.Proportion(360, 10_000), LiftKind.Relative);
        Assert.InRange(small.Estimate, small.Low, small.High);
        Assert.True(large.High - large.Low < small.High - small.Low);
    }
}
