using MarketingOps.Core.Experiments;
using MarketingOps.Core.Statistics;
using MarketingOps.Scripting.Hosting;
using CoreDecisionRule = MarketingOps.Core.Experiments.DecisionRule;

namespace MarketingOps.Scripting.Engine;

/// <summary>
/// Scripts' experiments through the experiments engine: a plan from <see cref="ExperimentBuilder"/> becomes the same
/// definition a YAML file gives <c>mops experiment create</c>. Bandit rotation is not in the engine yet.
/// </summary>
internal sealed class EngineScriptExperiments(ExperimentService experiments) : IScriptExperiments
{
    public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Decision.Method == DecisionMethod.Bandit)
        {
            throw new NotSupportedException("The experiments engine does not run bandit rotations yet; use Sequential, Frequentist or Bayesian, or --dry-run to see the rotation.");
        }

        try
        {
            var created = experiments.CreateAsync(ToDefinition(plan), cancellationToken).GetAwaiter().GetResult();
            return ToScript(created.Experiment);
        }
        catch (ExperimentRequestException ex)
        {
            throw new ArgumentException($"Experiment '{plan.Name}' was refused: {string.Join("; ", ex.Problems)}", nameof(plan), ex);
        }
    }

    public ScriptExperiment? Find(string name, CancellationToken cancellationToken)
        => FindCore(name, cancellationToken) is { } found ? ToScript(found) : null;

    public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken)
        => experiments.ListAsync(cancellationToken).GetAwaiter().GetResult().Select(ToScript).ToList();

    public ExperimentResults Results(string name, CancellationToken cancellationToken)
    {
        var experiment = Require(name, cancellationToken);
        var report = experiments.ReportAsync(experiment, cancellationToken).GetAwaiter().GetResult();
        var variants = report.Arms.Select(arm =>
        {
            var result = new VariantResult(arm.Name, arm.PostsPublished, arm.Denominator, arm.Numerator);
            return report.Comparisons.FirstOrDefault(c => c.Variant == arm.Name) is { Problem: null } comparison
                ? result with { Lift = comparison.Estimate, LiftLow = comparison.Low, LiftHigh = comparison.High, ChanceToWin = comparison.ChanceToWin }
                : result;
        }).ToList();
        return new ExperimentResults(report.Name, ToStatus(report.State), variants, report.Decision?.Winner, report.Summary) { Warnings = report.Warnings };
    }

    public ExperimentVariant Pick(string name, CancellationToken cancellationToken)
    {
        // Without a bandit in the engine, the next variant is the one with the fewest posts (the control on a tie).
        var experiment = Require(name, cancellationToken);
        var posts = experiments.GetPostsAsync(experiment.Id, cancellationToken).GetAwaiter().GetResult();
        var plan = ToPlan(experiment.Definition);
        var fewest = Enumerable.Range(0, plan.Variants.Count).MinBy(i => posts.Count(p => p.Variant == i));
        return plan.Variants[fewest];
    }

    public bool Stop(string name, CancellationToken cancellationToken)
    {
        try
        {
            experiments.StopAsync(name, "stopped by a script", cancellationToken).GetAwaiter().GetResult();
            return true;
        }
        catch (ExperimentRequestException)
        {
            return false;
        }
    }

    internal static ExperimentDefinition ToDefinition(ExperimentPlan plan) => new(
        plan.Name,
        plan.Variants.Select(v => new VariantDefinition(v.Name, v.Text) { Account = v.Account, TimeShift = v.TimeShift }).ToList(),
        plan.Accounts,
        ToMetric(plan.Metric))
    {
        Description = plan.Description,
        Guardrails = plan.Guardrails.Select(ToMetric).ToList(),
        Allocation = new AllocationPlan { PostsPerVariant = plan.PostsPerVariant, Start = plan.Start, Every = plan.Spacing },
        Horizon = plan.Horizon,
        Decision = new CoreDecisionRule
        {
            Method = plan.Decision.Method switch
            {
                DecisionMethod.Frequentist => AnalysisMethod.Frequentist,
                DecisionMethod.Bayesian => AnalysisMethod.Bayesian,
                _ => AnalysisMethod.Sequential,
            },
            Alpha = plan.Decision.Method == DecisionMethod.Bayesian ? new CoreDecisionRule().Alpha : plan.Decision.Threshold,
            ChanceToWin = plan.Decision.Method == DecisionMethod.Bayesian ? plan.Decision.Threshold : new CoreDecisionRule().ChanceToWin,
            MinImpressionsPerVariant = plan.Decision.MinImpressionsPerVariant,
            MinEventsPerVariant = plan.Decision.MinEventsPerVariant,
        },
        OnWin = plan.ScheduleWinner ? WinnerFollowUp.Evergreen() : WinnerFollowUp.None,
    };

    internal static ExperimentPlan ToPlan(ExperimentDefinition definition) => new(
        definition.Name,
        definition.Variants.Select(v => new ExperimentVariant(v.Name, v.Text) { Account = v.Account, TimeShift = v.TimeShift }).ToList(),
        definition.Accounts,
        FromMetric(definition.Metric),
        definition.Decision.Method switch
        {
            AnalysisMethod.Frequentist => Scripting.DecisionRule.Frequentist(definition.Decision.Alpha),
            AnalysisMethod.Bayesian => Scripting.DecisionRule.Bayesian(definition.Decision.ChanceToWin),
            _ => Scripting.DecisionRule.Sequential(definition.Decision.Alpha),
        } with
        {
            MinImpressionsPerVariant = (int)Math.Min(int.MaxValue, definition.Decision.MinImpressionsPerVariant),
            MinEventsPerVariant = (int)Math.Min(int.MaxValue, definition.Decision.MinEventsPerVariant),
        })
    {
        Description = definition.Description,
        Guardrails = definition.Guardrails.Select(FromMetric).ToList(),
        Start = definition.Allocation.Start,
        PostsPerVariant = definition.Allocation.PostsPerVariant,
        Spacing = definition.Allocation.Every,
        Horizon = definition.Horizon,
        ScheduleWinner = definition.OnWin.ScheduleWinner,
    };

    private Experiment? FindCore(string name, CancellationToken cancellationToken)
    {
        try
        {
            return experiments.GetAsync(name, cancellationToken).GetAwaiter().GetResult();
        }
        catch (ExperimentRequestException)
        {
            return null;
        }
    }

    private Experiment Require(string name, CancellationToken cancellationToken)
        => FindCore(name, cancellationToken) ?? throw new ArgumentException($"No experiment named '{name}'.", nameof(name));

    private static ScriptExperiment ToScript(Experiment experiment) => new(experiment.Id, ToStatus(experiment.State), ToPlan(experiment.Definition));

    private static ExperimentStatus ToStatus(ExperimentState state) => state switch
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
}
