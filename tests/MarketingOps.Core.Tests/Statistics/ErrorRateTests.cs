using MarketingOps.Core.Statistics;
using MathNet.Numerics.Distributions;

namespace MarketingOps.Core.Tests.Statistics;

/// <summary>Seeded A/A simulations: the tests must not declare winners more often than α says.</summary>
public sealed class ErrorRateTests
{
    private const double Rate = 0.05;

    [Fact]
    public void Welch_false_positive_rate_is_alpha_for_one_look()
    {
        var random = new Random(12345);
        const int runs = 2000;
        var rejections = 0;
        for (var run = 0; run < runs; run++)
        {
            var a = ArmStatistics.Proportion(Binomial.Sample(random, Rate, 2000), 2000);
            var b = ArmStatistics.Proportion(Binomial.Sample(random, Rate, 2000), 2000);
            rejections += WelchTTest.Test(a, b, LiftKind.Relative).PValue < 0.05 ? 1 : 0;
        }

        // Binomial(2000, 0.05): sd ≈ 0.0049; ±4 sd.
        Assert.InRange((double)rejections / runs, 0.03, 0.07);
    }

    [Fact]
    public void Peeking_inflates_welch_but_not_the_sequential_test()
    {
        var random = new Random(777);
        const int runs = 400, looks = 20, batch = 250;
        int welchHits = 0, sequentialHits = 0;
        for (var run = 0; run < runs; run++)
        {
            long eventsA = 0, eventsB = 0, n = 0;
            bool welch = false, sequential = false;
            for (var look = 0; look < looks; look++)
            {
                eventsA += Binomial.Sample(random, Rate, batch);
                eventsB += Binomial.Sample(random, Rate, batch);
                n += batch;
                var a = ArmStatistics.Proportion(eventsA, n);
                var b = ArmStatistics.Proportion(eventsB, n);
                welch |= WelchTTest.Test(a, b, LiftKind.Absolute).PValue < 0.05;
                sequential |= SequentialTest.Test(a, b, LiftKind.Absolute).PValue < 0.05;
            }

            welchHits += welch ? 1 : 0;
            sequentialHits += sequential ? 1 : 0;
        }

        Assert.True(welchHits > runs * 0.1, $"20 looks with a fixed-n test should reject far above 5 %; got {welchHits}/{runs}");
        Assert.True(sequentialHits <= runs * 0.05, $"the sequential test must keep its 5 % under peeking; got {sequentialHits}/{runs}");
    }

    [Fact]
    public void A_real_difference_is_found()
    {
        var random = new Random(99);
        var wins = 0;
        for (var run = 0; run < 200; run++)
        {
            var a = ArmStatistics.Proportion(Binomial.Sample(random, 0.03, 10_000), 10_000);
            var b = ArmStatistics.Proportion(Binomial.Sample(random, 0.04, 10_000), 10_000);
            wins += WelchTTest.Test(a, b, LiftKind.Relative) is { PValue: < 0.05, Estimate: > 0 } ? 1 : 0;
        }

        // Power for 3 % → 4 % with 10 000 per arm is about 0.99.
        Assert.True(wins >= 190, $"found the difference in {wins}/200 runs");
    }
}
