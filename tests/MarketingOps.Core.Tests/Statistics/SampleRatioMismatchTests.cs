using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class SampleRatioMismatchTests
{
    [Theory]
    [InlineData(new long[] { 1000, 1200 }, new[] { 0.5, 0.5 }, 0.000020079)]
    [InlineData(new long[] { 135, 115 }, new[] { 0.5, 0.5 }, 0.205903211)]
    [InlineData(new long[] { 310, 98 }, new[] { 0.75, 0.25 }, 0.647434186)]
    [InlineData(new long[] { 0, 10, 10 }, new[] { 0.34, 0.33, 0.33 }, 0.005790624)]
    [InlineData(new long[] { 500, 500, 600 }, new[] { 0.34, 0.33, 0.33 }, 0.000592638)]
    [InlineData(new long[] { 1000, 1200, 900 }, new[] { 0.5, 0.5, 0 }, 0.000020079)]
    public void R6_chi_square_p_values(long[] counts, double[] weights, double expected)
    {
        Near(expected, SampleRatioMismatch.Check(counts, weights).PValue, "p", 1e-9);
    }

    [Theory]
    [InlineData(new long[] { 0, 0 }, new[] { 0.5, 0.5 })]
    [InlineData(new long[] { 100, 50 }, new[] { 1.0, 0 })]
    [InlineData(new long[] { 100 }, new[] { 1.0 })]
    public void Fewer_than_two_arms_or_no_users_give_p_one(long[] counts, double[] weights)
    {
        var r = SampleRatioMismatch.Check(counts, weights);
        Assert.Equal(1, r.PValue);
        Assert.False(r.IsMismatch);
    }

    [Fact]
    public void A_clear_mismatch_is_flagged()
    {
        var r = SampleRatioMismatch.Check([1000, 1200], null);
        Assert.True(r.IsMismatch);
        Near(100.0 / 2200, r.MaxShareDeviation, "share deviation", 1e-12);
    }

    [Fact]
    public void A_tiny_deviation_in_a_huge_sample_is_not_a_false_alarm()
    {
        // 50.2 % / 49.8 % of ten million: p is astronomically small, the split is fine in practice.
        var r = SampleRatioMismatch.Check([5_020_000, 4_980_000], [1, 1]);
        Assert.True(r.PValue < 1e-10);
        Assert.False(r.IsMismatch);
    }

    [Fact]
    public void A_small_arm_is_judged_on_relative_deviation()
    {
        // Planned 5 %, observed 5.5 %: half a point off absolutely, 10 % off relatively.
        var r = SampleRatioMismatch.Check([945_000, 55_000], [0.95, 0.05]);
        Assert.True(r.MaxShareDeviation < 0.01);
        Assert.True(r.IsMismatch);
    }

    [Fact]
    public void A_weight_per_arm_is_required()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleRatioMismatch.Check([1, 2, 3], [1, 1]));
        Assert.Equal("weights", e.ParamName);
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleRatioMismatch.Check([1, 2], [1, -1]));
    }
}
