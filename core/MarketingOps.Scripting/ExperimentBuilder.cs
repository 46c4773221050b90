using System.Diagnostics;
using System.Globalization;

namespace MarketingOps.Scripting;

/// <summary>Describes an experiment step by step: variants, accounts, metric, schedule, decision; then <see cref="Start"/>.</summary>
[StackTraceHidden] // a script's stack trace shows its own frames, never the host's code or source paths
public sealed class ExperimentBuilder
{
    private readonly Func<ExperimentPlan, ScriptExperiment> _starter;
    private readonly List<ExperimentVariant> _variants = [];
    private readonly List<string> _accounts = [];
    private readonly List<ExperimentMetric> _guardrails = [];
    private readonly string _name;
    private string _description = "";
    private ExperimentMetric? _metric;
    private DecisionRule _decision = DecisionRule.Sequential();
    private DateTimeOffset? _firstSlot;
    private int _postsPerVariant = 3;
    private TimeSpan _spacing = TimeSpan.FromDays(1);
    private IReadOnlyList<TimeOnly> _dailySlots = [];
    private TimeSpan _horizon = TimeSpan.FromDays(7);
    private bool _scheduleWinner;

    internal ExperimentBuilder(string name, Func<ExperimentPlan, ScriptExperiment> start)
    {
        _name = name;
        _starter = start;
    }

    /// <summary>What the experiment is about, shown in the report.</summary>
    public ExperimentBuilder Description(string text)
    {
        _description = text;
        return this;
    }

    /// <summary>Adds a variant; the first one added is the control.</summary>
    public ExperimentBuilder Variant(string name, string text) => Variant(new ExperimentVariant(name, text));

    /// <summary>
    /// Adds a variant with one wording per post: its first post says the first, its second post the second, and so on
    /// (the winner's post, with <see cref="ThenScheduleWinner"/>, takes the one after its last post). Reword each
    /// time: the same text twice within the guardrails' duplicate window is refused.
    /// </summary>
    public ExperimentBuilder Variant(string name, params string[] rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        return Variant(new ExperimentVariant(name, rounds.Length > 0 ? rounds[0] : "") { Rounds = [.. rounds] });
    }

    /// <summary>Adds a variant with its own account or posting-time shift.</summary>
    public ExperimentBuilder Variant(ExperimentVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _variants.Add(variant);
        return this;
    }

    /// <summary>The accounts the variants are posted from, taking turns.</summary>
    public ExperimentBuilder On(params string[] accounts)
    {
        _accounts.AddRange(accounts);
        return this;
    }

    /// <summary>The primary metric, e.g. <see cref="ExperimentMetric.LinkClickRate"/>.</summary>
    public ExperimentBuilder Metric(ExperimentMetric metric)
    {
        _metric = metric;
        return this;
    }

    /// <summary>A metric that must not get worse (reported, never the decider).</summary>
    public ExperimentBuilder Guardrail(ExperimentMetric metric)
    {
        _guardrails.Add(metric);
        return this;
    }

    /// <summary>Posts per variant and the time between slots, starting at <paramref name="start"/> (or the next free slot).</summary>
    public ExperimentBuilder Schedule(int postsPerVariant, TimeSpan spacing, DateTimeOffset? start = null)
    {
        _postsPerVariant = postsPerVariant;
        _spacing = spacing;
        _dailySlots = [];
        _firstSlot = start;
        return this;
    }

    /// <summary>
    /// Posts per variant at fixed local times of day in each account's time zone (e.g. 09:30, 13:00, 17:00), from
    /// <paramref name="start"/> on: the way to keep every slot out of the account's quiet hours whatever the season.
    /// </summary>
    public ExperimentBuilder Schedule(int postsPerVariant, IReadOnlyList<TimeOnly> dailyAt, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(dailyAt);
        _postsPerVariant = postsPerVariant;
        _dailySlots = [.. dailyAt];
        _firstSlot = start;
        return this;
    }

    /// <summary>How long metrics are collected after the last post.</summary>
    public ExperimentBuilder Horizon(TimeSpan horizon)
    {
        _horizon = horizon;
        return this;
    }

    /// <summary>When a winner may be declared, e.g. <see cref="DecisionRule.Bayesian"/>.</summary>
    public ExperimentBuilder Decide(DecisionRule rule)
    {
        _decision = rule;
        return this;
    }

    /// <summary>Once decided, schedule the winning text as the evergreen version.</summary>
    public ExperimentBuilder ThenScheduleWinner()
    {
        _scheduleWinner = true;
        return this;
    }

    /// <summary>Checks the description and returns the plan without starting anything; every problem is listed in one exception.</summary>
    public ExperimentPlan Build()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(_name))
        {
            problems.Add("the experiment needs a name");
        }

        if (_variants.Count is < 2 or > 8)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"an experiment needs 2 to 8 variants, this one has {_variants.Count}"));
        }

        foreach (var duplicate in _variants.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"variant name '{duplicate.Key}' is used twice");
        }

        problems.AddRange(_variants.Where(v => string.IsNullOrWhiteSpace(v.Text) && v.Rounds.Count == 0).Select(v => $"variant '{v.Name}' has no text"));
        problems.AddRange(_variants.Where(v => v.Rounds.Any(string.IsNullOrWhiteSpace)).Select(v => $"variant '{v.Name}' has an empty round"));
        if (_accounts.Count == 0 && _variants.Any(v => v.Account is null))
        {
            problems.Add("no account: call On(\"account\") or give every variant its own account");
        }

        if (_metric is null)
        {
            problems.Add("no metric: call Metric(ExperimentMetric.LinkClickRate) or another");
        }

        if (_postsPerVariant < 1)
        {
            problems.Add("posts per variant must be at least 1");
        }

        if (_dailySlots.Count == 0 && _spacing <= TimeSpan.Zero)
        {
            problems.Add("the spacing between posts must be positive");
        }

        if (_dailySlots.Distinct().Count() != _dailySlots.Count)
        {
            problems.Add("a daily posting time is listed twice");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Experiment '{_name}' is not ready: {string.Join("; ", problems)}.");
        }

        return new ExperimentPlan(_name, _variants.ToList(), _accounts.Distinct().ToList(), _metric!, _decision)
        {
            Description = _description,
            Guardrails = _guardrails.ToList(),
            Start = _firstSlot,
            PostsPerVariant = _postsPerVariant,
            Spacing = _spacing,
            DailySlots = _dailySlots,
            Horizon = _horizon,
            ScheduleWinner = _scheduleWinner,
        };
    }

    /// <summary>Builds the plan and starts the experiment (its posts go through the normal guardrails).</summary>
    public ScriptExperiment Start() => _starter(Build());
}
