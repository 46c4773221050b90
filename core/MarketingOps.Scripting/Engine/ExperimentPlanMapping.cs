using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;
using EngineRule = MarketingOps.Core.Experiments.Definitions.DecisionRule;

namespace MarketingOps.Scripting.Engine;

/// <summary>A script's <see cref="ExperimentPlan"/> as the experiments engine's definition and back, one builder call per field.</summary>
internal static class ExperimentPlanMapping
{
    /// <summary>The engine's definition of the plan; throws <see cref="ExperimentRequestException"/> naming every problem.</summary>
    public static ExperimentDefinition ToDefinition(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new ExperimentDefinitionBuilder(plan.Name)
            .Description(plan.Description)
            .On([.. plan.Accounts])
            .Metric(ToMetric(plan.Metric))
            .Schedule(plan.PostsPerVariant, plan.Spacing, plan.Start)
            .DailySlots([.. plan.DailySlots])
            .Horizon(plan.Horizon)
            .Decide(ToRule(plan.Decision));
        foreach (var variant in plan.Variants)
        {
            builder.Variant(new VariantDefinition(variant.Name, variant.Text) { Rounds = variant.Rounds, Account = variant.Account, TimeShift = variant.TimeShift });
        }

        foreach (var guardrail in plan.Guardrails)
        {
            builder.Guardrail(ToMetric(guardrail));
        }

        if (plan.ScheduleWinner)
        {
            builder.ThenScheduleWinner();
        }

        return builder.Build();
    }

    /// <summary>The plan a script would have written for a stored definition.</summary>
    public static ExperimentPlan ToPlan(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var allocation = definition.Allocation;
        return new ExperimentPlan(
            definition.Name,
            [.. definition.Variants.Select(v => new ExperimentVariant(v.Name, v.Text) { Rounds = v.Rounds, Account = v.Account, TimeShift = v.TimeShift })],
            definition.Accounts,
            FromMetric(definition.Metric),
            FromRule(definition.Decision))
        {
            Description = definition.Description,
            Guardrails = [.. definition.Guardrails.Select(FromMetric)],
            Start = allocation.Start,
            PostsPerVariant = allocation.PostsPerVariant,
            Spacing = allocation.Every,
            DailySlots = allocation.DailySlots,
            Horizon = definition.Horizon,
            ScheduleWinner = definition.OnWin.ScheduleWinner,
        };
    }

    public static ExperimentStatus ToStatus(ExperimentState state) => state switch
    {
        ExperimentState.Decided => ExperimentStatus.Decided,
        ExperimentState.Completed => ExperimentStatus.Completed,
        ExperimentState.Stopped => ExperimentStatus.Stopped,
        _ => ExperimentStatus.Running,
    };

    private static MetricDefinition ToMetric(ExperimentMetric metric) => new(metric.Name, metric.Numerator, metric.Denominator)
    {
        Direction = metric.LowerIsBetter ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter,
    };

    private static ExperimentMetric FromMetric(MetricDefinition metric) => new(metric.Name, metric.Numerator, metric.Denominator)
    {
        LowerIsBetter = metric.Direction == MetricDirection.LowerIsBetter,
    };

    private static EngineRule ToRule(DecisionRule rule)
    {
        var engine = new EngineRule { MinImpressionsPerVariant = rule.MinImpressionsPerVariant, MinEventsPerVariant = rule.MinEventsPerVariant };
        return rule.Method switch
        {
            DecisionMethod.Sequential => engine with { Method = AnalysisMethod.Sequential, Alpha = rule.Threshold },
            DecisionMethod.Frequentist => engine with { Method = AnalysisMethod.Frequentist, Alpha = rule.Threshold },
            DecisionMethod.Bayesian => engine with { Method = AnalysisMethod.Bayesian, ChanceToBeatControl = rule.Threshold },

            // The report of a bandit still shows the always-valid comparison, the one safe to read at any time.
            _ => engine with { Method = AnalysisMethod.Sequential, Bandit = true, MinimumShare = rule.Threshold },
        };
    }

    private static DecisionRule FromRule(EngineRule rule)
    {
        var script = rule switch
        {
            { Bandit: true } => DecisionRule.Bandit(rule.MinimumShare),
            { Method: AnalysisMethod.Bayesian } => DecisionRule.Bayesian(rule.ChanceToBeatControl),
            { Method: AnalysisMethod.Frequentist } => DecisionRule.Frequentist(rule.Alpha),
            _ => DecisionRule.Sequential(rule.Alpha),
        };
        return script with
        {
            MinImpressionsPerVariant = (int)Math.Min(int.MaxValue, rule.MinImpressionsPerVariant),
            MinEventsPerVariant = (int)Math.Min(int.MaxValue, rule.MinEventsPerVariant),
        };
    }
}
