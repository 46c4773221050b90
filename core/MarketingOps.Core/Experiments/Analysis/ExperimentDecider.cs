using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>
/// Applies the decision rule to a report. A sequential rule may fire at any look; frequentist and Bayesian rules
/// fire only at the horizon, their one valid look. A variant wins when it is significantly better than the control
/// (the best such one when several are); the control wins when every variant is significantly worse.
/// </summary>
internal static class ExperimentDecider
{
    public static DecisionOutcome Evaluate(Experiment experiment, ExperimentReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(report);
        // A bandit rotates until someone stops it: there is nothing to decide.
        if (experiment.State != ExperimentState.Running || experiment.Definition.Decision.Bandit)
        {
            return DecisionOutcome.Continue;
        }

        var definition = experiment.Definition;
        var rule = definition.Decision;
        var atHorizon = now >= experiment.EndsAt;
        if ((rule.Method == AnalysisMethod.Sequential || atHorizon) && report.EnoughData)
        {
            var sign = definition.Metric.Direction == MetricDirection.HigherIsBetter ? 1 : -1;
            var better = report.Comparisons.Where(c => c.Verdict == Verdict.VariantBetter).OrderByDescending(c => sign * c.Estimate).FirstOrDefault();
            if (better is not null)
            {
                return new DecisionOutcome(Decide(better.Variant, better, rule, now, experiment.Looks), false, null);
            }

            if (report.Comparisons.Count > 0 && report.Comparisons.All(c => c.Verdict == Verdict.VariantWorse))
            {
                var closest = report.Comparisons.OrderByDescending(c => sign * c.Estimate).First();
                return new DecisionOutcome(Decide(definition.Control.Name, closest, rule, now, experiment.Looks), false, null);
            }
        }

        if (atHorizon)
        {
            return new DecisionOutcome(null, true, report.EnoughData
                ? "the horizon passed without a clear difference between the variants."
                : "the horizon passed before every variant had enough data.");
        }

        return DecisionOutcome.Continue;
    }

    private static ExperimentDecision Decide(string winner, ComparisonReport quoted, DecisionRule rule, DateTimeOffset now, int look) =>
        new(winner, quoted.Variant, quoted.Estimate, quoted.Low, quoted.High, rule.Method, rule.Lift, now, look)
        {
            PValue = rule.Method == AnalysisMethod.Bayesian ? null : quoted.AdjustedPValue,
            ChanceToBeatControl = rule.Method == AnalysisMethod.Bayesian ? quoted.ChanceToBeatControl : null,
        };
}
