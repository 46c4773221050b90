using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class ArmStatisticsTests
{
    [Fact]
    public void A_proportion_is_the_zero_one_case_with_variance_p_times_one_minus_p()
    {
        var arm = ArmStatistics.Proportion(30, 120);
        Assert.Equal(30, arm.SumOfSquares);
        Near(0.25, arm.Mean, "mean", 1e-15);
        Near(0.1875, arm.Variance, "variance", 1e-15);
    }

    [Fact]
    public void Values_give_the_sample_mean_and_variance()
    {
        var arm = ArmStatistics.FromValues([2, 4, 4, 4, 5, 5, 7, 9]);
        Near(5, arm.Mean, "mean", 1e-12);
        Near(32.0 / 7, arm.Variance, "variance", 1e-12);
    }

    [Fact]
    public void Batches_add_up_to_the_whole()
    {
        double[] first = [1, 2, 3], second = [4, 5];
        var whole = ArmStatistics.FromValues([.. first, .. second]);
        Assert.Equal(whole, ArmStatistics.FromValues(first).Add(ArmStatistics.FromValues(second)));
        Assert.True(ArmStatistics.Proportion(1, 2).Add(ArmStatistics.Proportion(3, 4)).IsProportion);
    }

    [Fact]
    public void A_ratio_over_a_constant_denominator_is_the_plain_mean()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6];
        var ratio = RatioArmStatistics.FromPairs(values.Select(v => (v, 1.0)));
        var plain = ArmStatistics.FromValues(values);
        Near(plain.Mean, ratio.Mean, "mean", 1e-12);
        Near(plain.Variance, ratio.Variance, "variance", 1e-12);
    }

    [Fact]
    public void A_ratio_variance_follows_the_delta_method()
    {
        // Clicks and impressions of four posts; Var(M/D) ≈ (Var M − 2 r Cov + r² Var D) / μ_D².
        (double, double)[] posts = [(3, 100), (5, 120), (2, 80), (6, 150)];
        var ratio = RatioArmStatistics.FromPairs(posts);
        var m = ArmStatistics.FromValues(posts.Select(p => p.Item1));
        var d = ArmStatistics.FromValues(posts.Select(p => p.Item2));
        var r = m.Mean / d.Mean;
        var cov = posts.Sum(p => (p.Item1 - m.Mean) * (p.Item2 - d.Mean)) / 3;
        var expected = (m.Variance - (2 * r * cov) + (r * r * d.Variance)) / (d.Mean * d.Mean);
        Near(16.0 / 450, ratio.Mean, "ratio", 1e-12);
        Near(expected, ratio.Variance, "variance", 1e-15);
    }

    [Fact]
    public void Ratio_arms_work_in_every_test()
    {
        var control = RatioArmStatistics.FromPairs(Enumerable.Range(0, 40).Select(i => (2.0 + (i % 3), 100.0 + i)));
        var variant = RatioArmStatistics.FromPairs(Enumerable.Range(0, 40).Select(i => (3.0 + (i % 4), 100.0 + i)));
        var r = WelchTTest.Test(control, variant, LiftKind.Relative);
        Assert.Null(r.Problem);
        Assert.InRange(r.Estimate, r.Low, r.High);
        Assert.True(r.Estimate > 0);
    }

    [Fact]
    public void More_events_than_trials_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ArmStatistics.Proportion(5, 4));
    }
}
