using MarketingOps.Core.Statistics;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class BayesianNormalTestTests
{
    [Fact]
    public void R4_proportions_without_prior()
    {
        var r = BayesianNormalTest.Test(R4A, R4B, LiftKind.Relative, prior: null);
        Bayesian(r, lift: 0.04082, low: -0.24779, high: 0.32943, sd: 0.14725, chanceToWin: 0.60918, riskControl: 0.0814, riskVariant: 0.04058);
    }

    [Fact]
    public void R5_means_without_prior()
    {
        var r = BayesianNormalTest.Test(R5A, R5B, LiftKind.Relative, prior: null);
        Bayesian(r, lift: 0.05, low: -0.02, high: 0.12, sd: 0.03572, chanceToWin: 0.91923, riskControl: 0.05131, riskVariant: 0.00131);
    }

    [Fact]
    public void R5_means_with_prior()
    {
        var r = BayesianNormalTest.Test(R5A, R5B, LiftKind.Relative, new NormalPrior(0.1, 0.1));
        Bayesian(r, lift: 0.05063, low: -0.01893, high: 0.12019, sd: 0.03549, chanceToWin: 0.92315, riskControl: 0.05186, riskVariant: 0.00123);
    }

    [Fact]
    public void R9_click_rate_without_and_with_the_weak_prior()
    {
        var flat = BayesianNormalTest.Test(R9A, R9B, LiftKind.Relative, prior: null);
        Near(0.951634, flat.ChanceToBeatControl, "chance to win, no prior", 1e-6);

        var weak = BayesianNormalTest.Test(R9A, R9B, LiftKind.Relative, NormalPrior.Weak);
        Near(0.199723, weak.Estimate, "lift, N(0, 0.3²)", 1e-6);
        Near(0.931166, weak.ChanceToBeatControl, "chance to win, N(0, 0.3²)", 1e-6);
    }

    [Fact]
    public void A_relative_prior_is_rescaled_for_an_absolute_lift()
    {
        var prior = new NormalPrior(0.1, 0.04).On(LiftKind.Absolute, controlMean: -2);
        Assert.Equal(0.2, prior.Mean, 12);
        Assert.Equal(0.16, prior.Variance, 12);
        Assert.Equal(new NormalPrior(0.1, 0.04), prior.On(LiftKind.Relative, -2));
    }

    [Fact]
    public void Lower_is_better_flips_the_chance_to_win_and_swaps_the_risks()
    {
        var up = BayesianNormalTest.Test(R4A, R4B, LiftKind.Relative, prior: null);
        var down = BayesianNormalTest.Test(R4A, R4B, LiftKind.Relative, prior: null, direction: MetricDirection.LowerIsBetter);
        Near(1 - up.ChanceToBeatControl, down.ChanceToBeatControl, "chance to win", 1e-12);
        Near(up.RiskOfChoosingControl, down.RiskOfChoosingVariant, "risk", 1e-12);
        Near(up.RiskOfChoosingVariant, down.RiskOfChoosingControl, "risk", 1e-12);
    }

    [Fact]
    public void A_prior_shrinks_towards_its_mean_and_narrows_the_interval()
    {
        var flat = BayesianNormalTest.Test(R9A, R9B, LiftKind.Relative, prior: null);
        var weak = BayesianNormalTest.Test(R9A, R9B, LiftKind.Relative, NormalPrior.Weak);
        Assert.InRange(weak.Estimate, 0, flat.Estimate);
        Assert.True(weak.StandardDeviation < flat.StandardDeviation);
        Assert.InRange(weak.Estimate, weak.Low, weak.High);
    }

    [Fact]
    public void Risk_is_never_negative_far_in_the_tails()
    {
        var (control, variant) = BayesianNormalTest.Risk(mean: 50, sd: 0.1);
        Near(50, control, "risk of keeping control", 1e-9);
        Assert.Equal(0, variant);
    }
}
