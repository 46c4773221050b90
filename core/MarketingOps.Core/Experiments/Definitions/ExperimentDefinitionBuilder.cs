using MarketingOps.Core.Statistics;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>
/// Builds a definition step by step, in the vocabulary of the scripting API's experiment builder (variants, On,
/// Metric, Guardrail, Schedule, Horizon, Decide, ThenScheduleWinner), so a script's plan maps onto it one call per
/// field. <see cref="Build"/> runs the same validation as a definition file and lists every problem.
/// </summary>
internal sealed class ExperimentDefinitionBuilder(string name)
{
    private readonly List<VariantDefinition> _variants = [];
    private readonly List<string> _accounts = [];
    private readonly List<MetricDefinition> _guardrails = [];
    private string _description = string.Empty;
    private MetricDefinition? _metric;
    private AllocationPlan _allocation = new();
    private TimeSpan _horizon = TimeSpan.FromDays(7);
    private DecisionRule _decision = new();
    private WinnerFollowUp _onWin = WinnerFollowUp.None;

    public ExperimentDefinitionBuilder Description(string text)
    {
        _description = text;
        return this;
    }

    /// <summary>Adds a variant; the first one added is the control.</summary>
    public ExperimentDefinitionBuilder Variant(string variantName, string text) => Variant(new VariantDefinition(variantName, text));

    public ExperimentDefinitionBuilder Variant(VariantDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _variants.Add(variant);
        return this;
    }

    /// <summary>The accounts the variants are posted from; rounds take turns across them.</summary>
    public ExperimentDefinitionBuilder On(params string[] accounts)
    {
        _accounts.AddRange(accounts);
        return this;
    }

    public ExperimentDefinitionBuilder Metric(MetricDefinition metric)
    {
        _metric = metric;
        return this;
    }

    public ExperimentDefinitionBuilder Guardrail(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        _guardrails.Add(metric);
        return this;
    }

    /// <summary>Posts per variant, <paramref name="spacing"/> apart, from <paramref name="start"/> (or the next whole hour).</summary>
    public ExperimentDefinitionBuilder Schedule(int postsPerVariant, TimeSpan spacing, DateTimeOffset? start = null)
    {
        _allocation = _allocation with { PostsPerVariant = postsPerVariant, Every = spacing, Start = start };
        return this;
    }

    /// <summary>Posts at these local times of day (in each account's zone) instead of a fixed spacing.</summary>
    public ExperimentDefinitionBuilder DailySlots(params TimeOnly[] times)
    {
        _allocation = _allocation with { DailySlots = times };
        return this;
    }

    public ExperimentDefinitionBuilder Seed(int seed)
    {
        _allocation = _allocation with { Seed = seed };
        return this;
    }

    /// <summary>How long metrics keep being collected after the last post.</summary>
    public ExperimentDefinitionBuilder Horizon(TimeSpan horizon)
    {
        _horizon = horizon;
        return this;
    }

    public ExperimentDefinitionBuilder Decide(DecisionRule rule)
    {
        _decision = rule ?? throw new ArgumentNullException(nameof(rule));
        return this;
    }

    /// <summary>A decision rule by method and its level: α for sequential and frequentist, the chance to win for Bayesian.</summary>
    public ExperimentDefinitionBuilder Decide(AnalysisMethod method, double threshold) =>
        Decide(method == AnalysisMethod.Bayesian ? new DecisionRule { Method = method, ChanceToBeatControl = threshold } : new DecisionRule { Method = method, Alpha = threshold });

    /// <summary>Once decided, schedule the winning text as the evergreen version.</summary>
    public ExperimentDefinitionBuilder ThenScheduleWinner(TimeSpan? after = null, string? account = null)
    {
        _onWin = WinnerFollowUp.Evergreen(after, account);
        return this;
    }

    /// <summary>The definition; throws <see cref="ExperimentRequestException"/> naming every problem by its field.</summary>
    public ExperimentDefinition Build()
    {
        var definition = new ExperimentDefinition(name, [.. _variants], [.. _accounts.Distinct(StringComparer.OrdinalIgnoreCase)], _metric ?? MetricDefinition.LinkClickRate)
        {
            Description = _description,
            Guardrails = [.. _guardrails],
            Allocation = _allocation,
            Horizon = _horizon,
            Decision = _decision,
            OnWin = _onWin,
        };
        var problems = ExperimentDefinitionValidator.Validate(definition).Select(p => $"{p.Path}: {p.Message}").ToList();
        if (_metric is null)
        {
            problems.Insert(0, "metric: no metric; call Metric(MetricDefinition.LinkClickRate) or another");
        }

        return problems.Count == 0 ? definition : throw new ExperimentRequestException(problems);
    }
}
