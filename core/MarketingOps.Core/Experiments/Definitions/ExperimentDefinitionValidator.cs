using System.Globalization;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Statistics;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>Checks a definition and names every problem by its field path (<c>variants[1].text</c>), whether it came from a file or a builder.</summary>
internal static class ExperimentDefinitionValidator
{
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromDays(365);
    public const int MaxPostsPerVariant = 1000;

    public static List<(string Path, string Message)> Validate(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<(string, string)>();
        void Add(string path, string message) => problems.Add((path, message));

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            Add("name", "the experiment needs a name");
        }
        else if (definition.Name.Length > 100 || definition.Name.Any(char.IsControl))
        {
            Add("name", "a name is at most 100 characters, without control characters");
        }

        var variants = definition.Variants;
        if (variants.Count is < ExperimentDefinition.MinVariants or > ExperimentDefinition.MaxVariants)
        {
            Add("variants", string.Create(CultureInfo.InvariantCulture, $"an experiment needs {ExperimentDefinition.MinVariants} to {ExperimentDefinition.MaxVariants} variants; this one has {variants.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Count; i++)
        {
            var v = variants[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"variants[{i}]");
            if (string.IsNullOrWhiteSpace(v.Name))
            {
                Add(path + ".name", "every variant needs a name");
            }
            else if (!seen.Add(v.Name))
            {
                Add(path + ".name", $"variant name '{v.Name}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(v.Text) && v.Rounds.Count == 0)
            {
                Add(path + ".text", $"variant '{v.Name}' has no text");
            }

            for (var r = 0; r < v.Rounds.Count; r++)
            {
                if (string.IsNullOrWhiteSpace(v.Rounds[r]))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"{path}.rounds[{r}]"), "a round's text is empty");
                }
            }

            if (v.TimeShift.Duration() > TimeSpan.FromDays(7))
            {
                Add(path + ".timeShift", "a time shift is at most 7 days either way");
            }
        }

        if (definition.Accounts.Count == 0 && (variants.Count == 0 || variants.Any(v => v.Account is null)))
        {
            Add("accounts", "no account: list the accounts to post from, or give every variant its own 'account'");
        }

        for (var i = 0; i < definition.Accounts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(definition.Accounts[i]))
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"accounts[{i}]"), "an account name is empty");
            }
        }

        CheckMetric("metric", definition.Metric, Add);
        for (var i = 0; i < definition.Guardrails.Count; i++)
        {
            CheckMetric(string.Create(CultureInfo.InvariantCulture, $"guardrails[{i}]"), definition.Guardrails[i], Add);
        }

        var plan = definition.Allocation;
        if (plan.PostsPerVariant is < 1 or > MaxPostsPerVariant)
        {
            Add("allocation.postsPerVariant", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxPostsPerVariant} (was {plan.PostsPerVariant})"));
        }

        if (plan.DailySlots.Count == 0 && plan.Every <= TimeSpan.Zero)
        {
            Add("allocation.every", "the time between slots must be positive");
        }

        if (plan.DailySlots.Count != plan.DailySlots.Distinct().Count())
        {
            Add("allocation.dailySlots", "a daily slot is listed twice");
        }

        if (definition.Horizon <= TimeSpan.Zero || definition.Horizon > MaxHorizon)
        {
            Add("horizon", "must be positive and at most 365 days");
        }

        var rule = definition.Decision;
        if (!(rule.Alpha is > 0 and < 0.5))
        {
            Add("decision.alpha", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 0.5 (was {rule.Alpha})"));
        }

        if (!(rule.ChanceToBeatControl is > 0.5 and < 1))
        {
            Add("decision.chanceToBeatControl", string.Create(CultureInfo.InvariantCulture, $"must be between 0.5 and 1 (was {rule.ChanceToBeatControl})"));
        }

        if (rule.Prior is { } prior && (!double.IsFinite(prior.Mean) || !(prior.Variance > 0) || !double.IsFinite(prior.Variance)))
        {
            Add("decision.prior", string.Create(CultureInfo.InvariantCulture, $"needs a finite mean and a standard deviation above 0 (was mean {prior.Mean}, sd {Math.Sqrt(prior.Variance)})"));
        }

        if (rule.Prior is not null && rule.Method != AnalysisMethod.Bayesian)
        {
            Add("decision.prior", "only a Bayesian decision uses a prior; set 'method: bayesian' or remove the prior");
        }

        if (rule.MinImpressionsPerVariant < 2)
        {
            Add("decision.minImpressionsPerVariant", "must be at least 2");
        }

        if (rule.MinEventsPerVariant < 0)
        {
            Add("decision.minEventsPerVariant", "must not be negative");
        }

        if (rule.MinPostsPerVariant < 1 || (definition.Metric.EffectiveUnit == AnalysisUnit.Posts && rule.MinPostsPerVariant < 2))
        {
            Add("decision.minPostsPerVariant", "must be at least 1 (at least 2 when posts are the unit)");
        }

        if (rule.Bandit && !(rule.MinimumShare >= 0 && rule.MinimumShare * definition.Variants.Count <= 1))
        {
            Add("decision.minimumShare", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1/{definition.Variants.Count} (one share per variant; was {rule.MinimumShare})"));
        }

        if (rule.SequentialTuning is { } tuning && !(tuning > 0))
        {
            Add("decision.sequentialTuning", "must be positive");
        }

        if (definition.OnWin.Delay < TimeSpan.Zero)
        {
            Add("onWin.after", "must not be negative");
        }

        return problems;
    }

    private static void CheckMetric(string path, MetricDefinition metric, Action<string, string> add)
    {
        if (!PostCounters.IsKnown(metric.Numerator))
        {
            add(path + ".numerator", $"unknown counter '{metric.Numerator}'; known: {string.Join(", ", PostCounters.Names)}");
        }

        if (!PostCounters.IsKnown(metric.Denominator) || metric.Denominator == PostCounters.Engagements)
        {
            add(path + ".denominator", $"'{metric.Denominator}' cannot be a denominator; use one of {string.Join(", ", PostCounters.Names.Where(n => n != PostCounters.Engagements))}");
        }
        else if (metric.Numerator == metric.Denominator)
        {
            add(path + ".denominator", "numerator and denominator are the same counter");
        }

        if (metric.Unit == AnalysisUnit.Impressions && metric.Denominator != MetricNames.Impressions)
        {
            add(path + ".unit", $"impressions can be the unit only of a per-impression metric; this one is per {metric.Denominator}: use 'posts'");
        }
    }
}
