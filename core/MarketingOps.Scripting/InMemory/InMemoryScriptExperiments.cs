using System.Globalization;
using MarketingOps.Scripting.Hosting;

namespace MarketingOps.Scripting.InMemory;

/// <summary>
/// A stand-in experiments engine for tests and dry runs: schedules the plan's posts round robin and reports raw rates.
/// It does no statistics; the experiments engine replaces it behind <see cref="IScriptExperiments"/>.
/// </summary>
internal sealed class InMemoryScriptExperiments(IScriptPosts posts, IScriptMetrics metrics, TimeProvider clock) : IScriptExperiments
{
    private const string NoStatistics = "In-memory experiments: raw rates only, no statistical test.";

    private readonly Lock _gate = new();
    private readonly List<ScriptExperiment> _experiments = [];

    public ScriptExperiment Start(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ScriptExperiment experiment;
        lock (_gate)
        {
            if (_experiments.Exists(e => Same(e.Name, plan.Name)))
            {
                throw new ArgumentException($"An experiment named '{plan.Name}' already exists.", nameof(plan));
            }

            experiment = new ScriptExperiment("exp-" + (_experiments.Count + 1).ToString(CultureInfo.InvariantCulture), ExperimentStatus.Running, plan);
            _experiments.Add(experiment);
        }

        if (plan.Decision.Method != DecisionMethod.Bandit)
        {
            ScheduleRounds(plan, cancellationToken);
        }

        return experiment;
    }

    public ScriptExperiment? Find(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _experiments.Find(e => Same(e.Name, name));
        }
    }

    public IReadOnlyList<ScriptExperiment> List(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Enumerable.Reverse(_experiments).ToList();
        }
    }

    public ExperimentResults Results(string name, CancellationToken cancellationToken)
    {
        var experiment = Require(name);
        var plan = experiment.Plan;
        var ofExperiment = posts.List(new ScriptPostQuery { Experiment = plan.Name }, cancellationToken);
        var published = ofExperiment.Where(p => p.State == ScriptPostState.Published).ToList();
        var latest = metrics.Latest(published.Select(p => p.Id).ToList(), cancellationToken);
        var variants = plan.Variants.Select(v =>
        {
            var mine = published.Where(p => Same(p.Variant, v.Name)).ToList();
            var snapshots = mine.Select(p => latest.TryGetValue(p.Id, out var s) ? s : MetricSnapshot.None(p.Id)).ToList();
            return new VariantResult(
                v.Name,
                mine.Count,
                snapshots.Sum(s => s.Get(plan.Metric.Denominator) ?? 0),
                snapshots.Sum(s => s.Get(plan.Metric.Numerator) ?? 0));
        }).ToList();

        var control = variants[0].Rate;
        variants = variants.Select((v, i) => i > 0 && control is > 0 && v.Rate is { } rate ? v with { Lift = (rate / control.Value) - 1 } : v).ToList();

        var enoughData = variants.All(v => v.Denominator >= plan.Decision.MinImpressionsPerVariant && v.Numerator >= plan.Decision.MinEventsPerVariant);
        var ranked = variants.Where(v => v.Rate is not null).OrderBy(v => plan.Metric.LowerIsBetter ? v.Rate : -v.Rate).ToList();
        var winner = enoughData && plan.Decision.Method != DecisionMethod.Bandit && ranked.Count > 0 ? ranked[0].Name : null;
        var status = winner is not null && experiment.Status == ExperimentStatus.Running ? ExperimentStatus.Decided : experiment.Status;

        var summary = ranked.Count == 0
            ? $"No published posts with {plan.Metric.Name} data yet."
            : string.Create(CultureInfo.InvariantCulture, $"{ranked[0].Name} leads on {plan.Metric.Name}: {ranked[0].Rate:P2} against {string.Join(", ", ranked.Skip(1).Select(v => $"{v.Name} {v.Rate:P2}"))}.");
        var warnings = new List<string> { NoStatistics };
        if (!enoughData)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Too little data for a verdict: each variant needs {plan.Decision.MinImpressionsPerVariant} {plan.Metric.Denominator} and {plan.Decision.MinEventsPerVariant} {plan.Metric.Numerator}."));
        }

        return new ExperimentResults(plan.Name, status, variants, winner, summary) { Warnings = warnings };
    }

    public ExperimentVariant Pick(string name, CancellationToken cancellationToken)
    {
        var plan = Require(name).Plan;
        var ofExperiment = posts.List(new ScriptPostQuery { Experiment = plan.Name }, cancellationToken).Where(p => p.State != ScriptPostState.Cancelled).ToList();
        var counts = plan.Variants.Select(v => ofExperiment.Count(p => Same(p.Variant, v.Name))).ToList();
        ExperimentVariant Next(int i) => plan.Variants[i] with { Text = plan.Variants[i].TextFor(counts[i]) };
        var total = counts.Sum();
        var minShare = plan.Decision.Method == DecisionMethod.Bandit ? plan.Decision.Threshold : 1.0 / plan.Variants.Count;

        // Any variant below its minimum share goes next; otherwise the best smoothed rate (a deterministic stand-in for Thompson sampling).
        var starved = Enumerable.Range(0, counts.Count).Where(i => counts[i] < minShare * (total + 1)).OrderBy(i => counts[i]).ToList();
        if (starved.Count > 0 || plan.Decision.Method != DecisionMethod.Bandit)
        {
            return Next(starved.Count > 0 ? starved[0] : counts.IndexOf(counts.Min()));
        }

        var rates = Results(name, cancellationToken).Variants.Select(v => (v.Numerator + 1.0) / (v.Denominator + 2.0)).ToList();
        var best = Enumerable.Range(0, rates.Count).OrderBy(i => plan.Metric.LowerIsBetter ? rates[i] : -rates[i]).ThenBy(i => counts[i]).First();
        return Next(best);
    }

    public bool Stop(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _experiments.FindIndex(e => Same(e.Name, name) && e.Status == ExperimentStatus.Running);
            if (index < 0)
            {
                return false;
            }

            _experiments[index] = _experiments[index] with { Status = ExperimentStatus.Stopped };
        }

        foreach (var post in posts.List(new ScriptPostQuery { Experiment = name, State = ScriptPostState.Scheduled }, cancellationToken))
        {
            posts.Cancel(post.Id, cancellationToken);
        }

        return true;
    }

    /// <summary>Variants take turns across slots, rotating each round so none always gets the same position.</summary>
    private void ScheduleRounds(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var start = plan.Start ?? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var count = plan.Variants.Count;
        using var slots = Slots(plan, start).GetEnumerator();
        for (var round = 0; round < plan.PostsPerVariant; round++)
        {
            for (var turn = 0; turn < count; turn++)
            {
                var slot = (round * count) + turn;
                var variant = plan.Variants[(turn + round) % count];
                var account = variant.Account ?? plan.Accounts[slot % plan.Accounts.Count];
                slots.MoveNext();
                posts.Schedule(
                    new ScriptPostRequest(account, variant.TextFor(round), slots.Current + variant.TimeShift) { Experiment = plan.Name, Variant = variant.Name },
                    cancellationToken);
            }
        }
    }

    /// <summary>Slots <see cref="ExperimentPlan.Spacing"/> apart, or at the daily times (in UTC: the in-memory host has no account zones).</summary>
    private static IEnumerable<DateTimeOffset> Slots(ExperimentPlan plan, DateTimeOffset start)
    {
        if (plan.DailySlots.Count == 0)
        {
            for (var at = start; ; at += plan.Spacing)
            {
                yield return at;
            }
        }

        var times = plan.DailySlots.Order().ToList();
        for (var day = DateOnly.FromDateTime(start.UtcDateTime); ; day = day.AddDays(1))
        {
            foreach (var at in times.Select(t => new DateTimeOffset(day.ToDateTime(t), TimeSpan.Zero)).Where(at => at >= start))
            {
                yield return at;
            }
        }
    }

    private ScriptExperiment Require(string name)
        => Find(name, CancellationToken.None) ?? throw new ArgumentException($"No experiment named '{name}'.", nameof(name));

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
