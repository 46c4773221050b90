using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class ThompsonSamplerTests
{
    private static readonly BetaArm[] R10 = [new(120, 4000), new(150, 4000), new(135, 4000)];
    private static readonly double[] R10Best = [0.018737, 0.803573, 0.177690];

    [Fact]
    public void R10_probability_best_by_numerical_integration()
    {
        var p = ThompsonSampler.ProbabilityBest(R10);
        for (var i = 0; i < 3; i++)
        {
            Near(R10Best[i], p[i], $"P(arm {i} best)", 1e-6);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20240601)]
    public void R10_probability_best_by_monte_carlo_within_the_stated_tolerance(int seed)
    {
        var allocation = ThompsonSampler.Allocate(R10, seed, new ThompsonSamplingOptions { Draws = 10_000 });
        for (var i = 0; i < 3; i++)
        {
            Near(R10Best[i], allocation.ProbabilityBest[i], $"P(arm {i} best)", 0.015);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_allocation()
    {
        var a = ThompsonSampler.Allocate(R10, 7);
        var b = ThompsonSampler.Allocate(R10, 7);
        var c = ThompsonSampler.Allocate(R10, 8);
        Assert.Equal(a.Weights, b.Weights);
        Assert.NotEqual(a.Weights, c.Weights);
    }

    [Fact]
    public void Every_arm_keeps_its_minimum_share_and_the_weights_sum_to_one()
    {
        BetaArm[] arms = [new(10, 4000), new(400, 4000), new(12, 4000)];
        var allocation = ThompsonSampler.Allocate(arms, 3, new ThompsonSamplingOptions { MinimumShare = 0.05 });
        Assert.All(allocation.Weights, w => Assert.True(w >= 0.05 - 1e-12));
        Near(1, allocation.Weights.Sum(), "sum of weights", 1e-12);
        Assert.True(allocation.Weights[1] > 0.85);
    }

    [Fact]
    public void A_floor_too_large_for_all_arms_falls_back_to_equal_shares()
    {
        var allocation = ThompsonSampler.Allocate(R10, 3, new ThompsonSamplingOptions { MinimumShare = 0.5 });
        Assert.All(allocation.Weights, w => Near(1.0 / 3, w, "weight", 1e-12));
    }

    [Fact]
    public void Lower_is_better_favours_the_lowest_rate()
    {
        var options = new ThompsonSamplingOptions { Direction = MetricDirection.LowerIsBetter, MinimumShare = 0 };
        var allocation = ThompsonSampler.Allocate(R10, 11, options);
        Assert.Equal(0, IndexOfMax(allocation.Weights));

        var exact = ThompsonSampler.ProbabilityBest(R10, MetricDirection.LowerIsBetter);
        Near(1, exact.Sum(), "sum", 1e-6);
        Near(exact[0], allocation.ProbabilityBest[0], "P(A lowest)", 0.015);
    }

    [Fact]
    public void Top_two_credits_the_best_and_runner_up_in_the_metric_direction()
    {
        // Arms 0 and 1 are clearly the two lowest rates; arm 2 is clearly the highest. With "lower is better",
        // top-two weighting must give arm 2 (almost) nothing, unlike GrowthBook's rank-2-and-3 bug.
        BetaArm[] arms = [new(100, 10_000), new(110, 10_000), new(400, 10_000)];
        var options = new ThompsonSamplingOptions { Direction = MetricDirection.LowerIsBetter, TopTwo = true, MinimumShare = 0 };
        var allocation = ThompsonSampler.Allocate(arms, 5, options);
        Assert.True(allocation.Weights[2] < 0.001, $"worst arm got {allocation.Weights[2]}");
        Near(1, allocation.Weights[0] + allocation.Weights[1], "two best share everything", 1e-3);
    }

    [Fact]
    public void Choose_is_reproducible_and_follows_the_posterior()
    {
        BetaArm[] arms = [new(10, 1000), new(100, 1000)];
        var random = new Random(9);
        var picks = Enumerable.Range(0, 200).Select(_ => ThompsonSampler.Choose(arms, random)).ToArray();
        var again = new Random(9);
        Assert.Equal(picks, Enumerable.Range(0, 200).Select(_ => ThompsonSampler.Choose(arms, again)).ToArray());
        Assert.All(picks, p => Assert.Equal(1, p));
    }

    private static int IndexOfMax(IReadOnlyList<double> values) =>
        Enumerable.Range(0, values.Count).MaxBy(i => values[i]);
}
