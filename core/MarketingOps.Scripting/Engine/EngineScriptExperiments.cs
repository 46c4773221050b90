using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;
using MarketingOps.Scripting.Hosting;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Engine;

/// <summary>
/// Scripts' experiments on the experiments engine: the same store, planner, publishing, statistics and decision
/// rule as <c>mops experiment</c>. Scripts run on a pool thread without a synchronization context, so waiting on
/// the engine's tasks here is safe.
/// </summary>
internal sealed class EngineScriptExperiments(ExperimentService experiments, ILogger logger) : IScriptExperiments
{
    public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var created = Call(() => experiments.CreateAsync(ExperimentPlanMapping.ToDefinition(plan), cancellationToken), nameof(plan));
        foreach (var warning in created.Warnings)
        {
            logger.LogWarning("Experiment {Experiment}: {Warning}", plan.Name, warning);
        }

        return ToScript(created.Experiment);
    }

    public ScriptExperiment? Find(string name, CancellationToken cancellationToken)
    {
        try
        {
            return ToScript(experiments.GetAsync(name, cancellationToken).GetAwaiter().GetResult());
        }
        catch (ExperimentRequestException)
        {
            return null;
        }
    }

    public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken) =>
        [.. experiments.ListAsync(cancellationToken).GetAwaiter().GetResult().Select(ToScript)];

    public ExperimentResults Results(string name, CancellationToken cancellationToken) =>
        ToResults(Call(() => experiments.ReportAsync(name, cancellationToken), nameof(name)));

    public ExperimentVariant Pick(string name, CancellationToken cancellationToken)
    {
        var experiment = Call(() => experiments.GetAsync(name, cancellationToken), nameof(name));
        var pick = Call(() => experiments.PickAsync(experiment.Id, cancellationToken), nameof(name));
        var variant = ExperimentPlanMapping.ToPlan(experiment.Definition).Variants[pick.Variant];
        return variant with { Text = variant.TextFor(pick.Round) };
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

    internal static ExperimentResults ToResults(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var control = report.Arms.Count > 0 ? report.Arms[0] : null;
        var variants = report.Arms.Select(arm =>
        {
            var comparison = arm.Variant > 0 && arm.Variant <= report.Comparisons.Count ? report.Comparisons[arm.Variant - 1] : null;
            var result = new VariantResult(arm.Name, arm.PostsPublished, arm.Denominator, arm.Numerator)
            {
                ChanceToBeBest = arm.ChanceToBeBest,
                ChanceToBeatControl = comparison?.Problem is null ? comparison?.ChanceToBeatControl : null,
            };
            if (comparison is null || comparison.Problem is not null || control is null)
            {
                return result;
            }

            // Scripts read lift as relative; an absolute-lift experiment still gives the ratio of the rates, without an interval.
            return report.Lift == LiftKind.Relative
                ? result with { Lift = comparison.Estimate, LiftLow = comparison.Low, LiftHigh = comparison.High }
                : result with { Lift = control.Rate > 0 ? (arm.Rate / control.Rate) - 1 : null };
        }).ToList();

        return new ExperimentResults(report.Name, ExperimentPlanMapping.ToStatus(report.State), variants, report.Decision?.Winner, report.Summary)
        {
            Warnings = report.Warnings,
        };
    }

    private static ScriptExperiment ToScript(Experiment experiment) =>
        new(experiment.Id, ExperimentPlanMapping.ToStatus(experiment.State), ExperimentPlanMapping.ToPlan(experiment.Definition));

    /// <summary>Waits for the engine; its refusals become the <see cref="ArgumentException"/> scripts expect, every problem listed.</summary>
    private static T Call<T>(Func<Task<T>> action, string parameter)
    {
        try
        {
            return action().GetAwaiter().GetResult();
        }
        catch (ExperimentRequestException ex)
        {
            throw new ArgumentException(string.Join("; ", ex.Problems), parameter, ex);
        }
    }
}
