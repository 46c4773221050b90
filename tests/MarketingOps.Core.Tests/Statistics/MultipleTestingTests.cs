using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class MultipleTestingTests
{
    [Fact]
    public void R7_holm()
    {
        var adjusted = MultipleTesting.Holm([0.01, 0.04, 0.03, 0.005, 0.55, 0.6]);
        AssertAll([0.05, 0.12, 0.12, 0.03, 1, 1], adjusted);
    }

    [Fact]
    public void R7_benjamini_hochberg()
    {
        var adjusted = MultipleTesting.BenjaminiHochberg([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138]);
        AssertAll([0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415], adjusted);
    }

    [Fact]
    public void Adjusted_p_values_are_never_smaller_and_holm_is_the_stricter()
    {
        double[] p = [0.001, 0.02, 0.03, 0.2];
        var holm = MultipleTesting.Adjust(p, PValueAdjustment.Holm);
        var bh = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.True(bh[i] >= p[i]);
            Assert.True(holm[i] >= bh[i]);
        }

        Assert.Equal(p, MultipleTesting.Adjust(p, PValueAdjustment.None));
    }

    private static void AssertAll(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            GoldenCases.Near(expected[i], actual[i], $"adjusted p[{i}]", 1e-8);
        }
    }
}
