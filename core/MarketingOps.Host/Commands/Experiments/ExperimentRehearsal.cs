using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Hosting;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>
/// Runs an experiment plan again and again on the sandbox with accelerated time, as the demo does: each run is a real
/// experiment created through the experiment service, its posts published through the publishing engine and its metrics
/// collected every simulated hour, so the decision rule looks at the data exactly as it would for real. Runs follow each
/// other on one simulated network, a month apart so the duplicate guardrails see no repeats, and each rotates its slots
/// with a seed of its own; the network's draws differ by post, so the runs are independent.
/// </summary>
internal sealed class ExperimentRehearsal(DemoClock clock, DemoSimulation simulation, ExperimentService experiments)
{
    /// <summary>Between runs: longer than the default duplicate window of 30 days.</summary>
    private static readonly TimeSpan Gap = TimeSpan.FromDays(31);

    /// <summary>The prefix of an A/A run's variants: no rate rule matches them, so all get the control's rate.</summary>
    public const string EqualPrefix = "aa-";

    public async Task<SimulationOutcome> RunAsync(ExperimentDefinition definition, int run, bool equalRates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var start = StartAfter(clock.GetUtcNow(), definition);
        var rehearsed = definition with
        {
            Name = $"{definition.Name} {(equalRates ? "a/a" : "run")} {run}",
            Variants = equalRates ? [.. definition.Variants.Select(v => v with { Name = EqualPrefix + v.Name })] : definition.Variants,
            Allocation = definition.Allocation with { Start = start, Seed = definition.Allocation.Seed + run },
            OnWin = WinnerFollowUp.None,
        };

        var created = await experiments.CreateAsync(rehearsed, cancellationToken);

        // Nothing happens before the first slot: skip to it rather than look at an empty experiment every hour.
        clock.AdvanceTo(start);
        var experiment = await simulation.RunAsync(created.Experiment.Id, _ => { }, _ => { }, cancellationToken);
        if (!experiment.IsFinished)
        {
            experiment = await experiments.StopAsync(experiment.Id, "the rehearsal ran past its end", cancellationToken);
        }

        clock.AdvanceTo(clock.GetUtcNow() + Gap);
        var winner = experiment.Decision?.Winner;
        if (equalRates && winner is not null)
        {
            winner = winner[EqualPrefix.Length..];
        }

        var posts = await experiments.GetPostsAsync(experiment.Id, cancellationToken);
        return new SimulationOutcome(
            winner,
            experiment.Decision is { } decision ? decision.DecidedAt - start : null,
            posts.Count(p => p.Status == ExperimentPostStatus.Published),
            posts.Count(p => p.Status == ExperimentPostStatus.Cancelled));
    }

    public static SimulationSummary Summarise(ExperimentDefinition definition, IReadOnlyDictionary<string, double> rates, IReadOnlyList<SimulationOutcome> stated, IReadOnlyList<SimulationOutcome> equal)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(stated);
        ArgumentNullException.ThrowIfNull(equal);
        // With the best rate shared by several variants there is no right answer, only false positives.
        var top = definition.Metric.Direction == MetricDirection.HigherIsBetter ? rates.Values.Max() : rates.Values.Min();
        var best = rates.Count(r => r.Value == top) == 1 ? rates.Single(r => r.Value == top).Key : null;
        double Share(IReadOnlyList<SimulationOutcome> outcomes, Func<SimulationOutcome, bool> predicate) =>
            outcomes.Count == 0 ? 0 : (double)outcomes.Count(predicate) / outcomes.Count;
        var hours = stated.Where(o => o.TimeToDecision is not null).Select(o => o.TimeToDecision!.Value.TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null
            : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        var rule = definition.Decision;
        return new SimulationSummary(
            stated.Count,
            best,
            best is null ? null : Share(stated, o => o.Winner == best),
            Share(stated, o => o.Winner is not null && o.Winner != best),
            Share(stated, o => o.Winner is null),
            median,
            Share(equal, o => o.Winner is not null),
            rule.Method == AnalysisMethod.Bayesian ? 1 - rule.ChanceToBeatControl : rule.Alpha,
            rule.Method)
        {
            PostsPublished = stated.Concat(equal).Sum(o => o.Published),
            PostsCancelled = stated.Concat(equal).Sum(o => o.Cancelled),
        };
    }

    /// <summary>
    /// The next start at the plan's own time of day (its start's, else 09:00) in the first account's zone, so
    /// every run meets the same quiet hours and slots the real one would.
    /// </summary>
    private DateTimeOffset StartAfter(DateTimeOffset now, ExperimentDefinition definition)
    {
        var zone = experiments.ZoneOf(definition.Accounts[0]) ?? TimeZoneInfo.Utc;
        var timeOfDay = definition.Allocation.Start is { } planned ? TimeZoneInfo.ConvertTime(planned, zone).TimeOfDay : TimeSpan.FromHours(9);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = local.Date + timeOfDay;
        var today = new DateTimeOffset(day, zone.GetUtcOffset(day)).ToUniversalTime();
        return today > now ? today : new DateTimeOffset(day.AddDays(1), zone.GetUtcOffset(day.AddDays(1))).ToUniversalTime();
    }
}
