using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;
using MathNet.Numerics.Distributions;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Tests.Statistics;

/// <summary>
/// Seeded simulations of many experiments whose true lift is known, analysed as an experiment is by default: the
/// Bayesian intervals must hold the truth as often as they claim, and the estimates must not be pulled off it.
/// A click rate of 1 % with 6,000 and 20,000 impressions per variant is one to three sandbox posts' worth.
/// </summary>
public sealed class BayesianCoverageTests
{
    private const double ControlRate = 0.01;
    private const int Runs = 2000;

    public static TheoryData<double> Lifts => [0.05, 0.2, 0.5, 1.0, 2.0, 3.0];

    [Theory]
    [MemberData(nameof(Lifts))]
    public void Default_bayesian_intervals_cover_the_true_lift_95_percent_of_the_time_and_the_estimate_is_unbiased(double trueLift)
    {
        // The engine as an experiment with a Bayesian rule and the host's defaults gets it.
        var options = new ExperimentAnalyser(new StatisticsOptions()).OptionsFor(new DecisionRule { Method = AnalysisMethod.Bayesian }, AnalysisUnit.Impressions);
        var engine = new StatisticsEngine(Options.Create(options));
        foreach (var impressions in new[] { 6_000, 20_000 })
        {
            var random = new Random(((int)(trueLift * 1000) * 31) + impressions);
            int covered = 0;
            double sumEstimate = 0, sumError = 0;
            for (var run = 0; run < Runs; run++)
            {
                var control = ArmStatistics.Proportion(Binomial.Sample(random, ControlRate, impressions), impressions);
                var variant = ArmStatistics.Proportion(Binomial.Sample(random, ControlRate * (1 + trueLift), impressions), impressions);
                var result = engine.Analyse(control, [variant], AnalysisMethod.Bayesian, LiftKind.Relative).Variants[0];
                Assert.Null(result.Problem);
                covered += result.Low <= trueLift && trueLift <= result.High ? 1 : 0;
                sumEstimate += result.Estimate;
                sumError += result.StandardError;
            }

            var coverage = (double)covered / Runs;
            var bias = (sumEstimate / Runs) - trueLift;
            var error = sumError / Runs;
            Assert.True(coverage is >= 0.93 and <= 0.97, $"lift {trueLift:P0}, {impressions} impressions: 95 % intervals held the truth in {coverage:P1} of {Runs} runs");

            // The ratio's second-order bias is a few hundredths of a standard error; shrinkage towards 0 is many.
            Assert.True(Math.Abs(bias) <= 0.25 * error, $"lift {trueLift:P0}, {impressions} impressions: mean estimate off by {bias:+0.000;-0.000} with a standard error of {error:0.000}");
        }
    }
}
