using MarketingOps.Core.Statistics;
using Microsoft.Extensions.Options;
using static MarketingOps.Core.Tests.Statistics.GoldenCases;

namespace MarketingOps.Core.Tests.Statistics;

public sealed class StatisticsEngineTests
{
    private static StatisticsEngine Engine(Action<StatisticsOptions>? configure = null)
    {
        var options = new StatisticsOptions();
        configure?.Invoke(options);
        return new StatisticsEngine(Options.Create(options));
    }

    [Fact]
    public void One_variant_reports_the_same_numbers_as_the_tests_themselves()
    {
        var analysis = Engine().Analyse(R9A, [R9B], AnalysisMethod.Frequentist, LiftKind.Relative);
        var v = Assert.Single(analysis.Variants);
        Near(0.25, v.Estimate, "lift", 1e-6);
        Near(-0.045059, v.Low, "CI low", 1e-6);
        Near(0.096771, v.PValue!.Value, "p", 1e-6);
        Assert.Equal(v.PValue, v.AdjustedPValue);
        Assert.Equal(PValueAdjustment.None, analysis.Adjustment);
        Assert.Equal(Verdict.Inconclusive, v.Verdict);
        Assert.Null(analysis.Srm);
    }

    [Fact]
    public void Bayesian_analysis_uses_no_prior_by_default_and_adds_the_exact_chance_for_counts()
    {
        // statistics.md R9, no prior: the lift is the data's own 0.25.
        var flat = Engine().Analyse(R9A, [R9B], AnalysisMethod.Bayesian, LiftKind.Relative).Variants[0];
        Near(0.25, flat.Estimate, "lift, no prior", 1e-6);
        Near(0.951634, flat.ChanceToBeatControl!.Value, "chance, no prior", 1e-6);
        Near(0.968226, flat.ExactChanceToBeatControl!.Value, "exact chance", 1e-6);
        Assert.Equal(0, flat.PriorWeight);
        Assert.Null(flat.PValue);
        Assert.Equal(Verdict.VariantBetter, flat.Verdict);

        // The informative N(0, 0.3²) prior only when asked for: it pulls the lift a third of the way to 0.
        var weak = Engine(o => o.Prior = NormalPrior.Weak).Analyse(R9A, [R9B], AnalysisMethod.Bayesian, LiftKind.Relative).Variants[0];
        Near(0.199723, weak.Estimate, "lift", 1e-6);
        Near(0.931166, weak.ChanceToBeatControl!.Value, "chance to beat control", 1e-6);
        Near(1 - (0.199723 / 0.25), weak.PriorWeight!.Value, "prior weight", 1e-5);
        Assert.Equal(Verdict.Inconclusive, weak.Verdict);
    }

    [Fact]
    public void Sequential_analysis_uses_the_configured_tuning()
    {
        var v = Engine(o => o.SequentialTuning = 5000).Analyse(R9A, [R9B], AnalysisMethod.Sequential, LiftKind.Absolute).Variants[0];
        Near(-0.004803, v.Low, "CI low", 1e-6);
        Near(0.747495, v.PValue!.Value, "p", 1e-6);
    }

    [Fact]
    public void Several_variants_get_holm_adjusted_p_values_by_default()
    {
        ArmStatistics[] variants = [ArmStatistics.Proportion(150, 4000), ArmStatistics.Proportion(135, 4000), ArmStatistics.Proportion(190, 4000)];
        var analysis = Engine().Analyse(R9A, variants, AnalysisMethod.Frequentist, LiftKind.Relative);
        Assert.Equal(PValueAdjustment.Holm, analysis.Adjustment);
        var raw = analysis.Variants.Select(v => v.PValue!.Value).ToArray();
        Assert.Equal(MultipleTesting.Holm(raw), analysis.Variants.Select(v => v.AdjustedPValue!.Value).ToArray());
        Assert.Equal(Verdict.VariantBetter, analysis.Variants[2].Verdict);
        Assert.Equal(Verdict.Inconclusive, analysis.Variants[1].Verdict);

        var bh = Engine(o => o.Adjustment = PValueAdjustment.BenjaminiHochberg).Analyse(R9A, variants, AnalysisMethod.Frequentist, LiftKind.Relative);
        Assert.Equal(MultipleTesting.BenjaminiHochberg(raw), bh.Variants.Select(v => v.AdjustedPValue!.Value).ToArray());
    }

    [Fact]
    public void No_verdict_before_every_arm_has_the_minimum_data()
    {
        // Huge lift, but the control has only 4 clicks (< 5).
        var analysis = Engine().Analyse(ArmStatistics.Proportion(4, 400), [ArmStatistics.Proportion(60, 400)], AnalysisMethod.Frequentist, LiftKind.Absolute);
        Assert.True(analysis.Variants[0].PValue < 0.001);
        Assert.Equal(Verdict.NotEnoughData, analysis.Variants[0].Verdict);

        var fewImpressions = Engine().Analyse(ArmStatistics.Proportion(10, 40), [ArmStatistics.Proportion(30, 40)], AnalysisMethod.Bayesian, LiftKind.Relative);
        Assert.Equal(Verdict.NotEnoughData, fewImpressions.Variants[0].Verdict);

        var relaxed = Engine(o => o.MinimumEventsPerArm = 1).Analyse(ArmStatistics.Proportion(4, 400), [ArmStatistics.Proportion(60, 400)], AnalysisMethod.Frequentist, LiftKind.Absolute);
        Assert.Equal(Verdict.VariantBetter, relaxed.Variants[0].Verdict);
    }

    [Fact]
    public void Lower_is_better_turns_a_significant_increase_into_a_worse_variant()
    {
        var analysis = Engine().Analyse(R1A, [R1B], AnalysisMethod.Frequentist, LiftKind.Absolute, MetricDirection.LowerIsBetter);
        Assert.Equal(Verdict.VariantWorse, analysis.Variants[0].Verdict);
    }

    [Fact]
    public void An_unanalysable_arm_says_why()
    {
        var v = Engine().Analyse(ArmStatistics.Proportion(0, 500), [R9B], AnalysisMethod.Frequentist, LiftKind.Relative).Variants[0];
        Assert.Equal(Verdict.NotAnalysable, v.Verdict);
        Assert.Equal(EffectMoments.ZeroVarianceProblem, v.Problem);
    }

    [Fact]
    public void Planned_weights_turn_on_the_srm_check()
    {
        var analysis = Engine().Analyse(
            ArmStatistics.Proportion(50, 1000), [ArmStatistics.Proportion(60, 1200)], AnalysisMethod.Frequentist, LiftKind.Relative, plannedWeights: [1, 1]);
        Assert.NotNull(analysis.Srm);
        Near(0.000020079, analysis.Srm.PValue, "SRM p", 1e-9);
        Assert.True(analysis.Srm.IsMismatch);
    }

    [Fact]
    public void The_validator_names_every_bad_field()
    {
        var options = new StatisticsOptions { Alpha = 0, MinimumUnitsPerArm = 1, Prior = new NormalPrior(0, 0), SrmPValueThreshold = 2 };
        var result = new StatisticsOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Equal(4, failures.Length);
        Assert.Contains(failures, f => f.StartsWith(nameof(StatisticsOptions.Alpha), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(StatisticsOptions.MinimumUnitsPerArm), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(StatisticsOptions.Prior), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(StatisticsOptions.SrmPValueThreshold), StringComparison.Ordinal));
        Assert.True(new StatisticsOptionsValidator().Validate(null, new StatisticsOptions()).Succeeded);
    }
}
