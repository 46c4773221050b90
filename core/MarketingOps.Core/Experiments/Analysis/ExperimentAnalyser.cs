using System.Globalization;
using MarketingOps.Core.Experiments.Collection;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;
using MathNet.Numerics;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Experiments.Analysis;

/// <summary>
/// Aggregates the latest counters of an experiment's posts into per-variant sufficient statistics and runs the
/// statistics engine under the experiment's decision rule; adds the SRM, slot, dispersion and guardrail checks.
/// It reads one row per post and one per variant-hour, never the snapshot history.
/// </summary>
internal sealed class ExperimentAnalyser(StatisticsOptions defaults)
{
    // Pearson dispersion of post rates beyond which (and significant at 1 %) impressions are not independent enough.
    private const double DispersionWarning = 1.5;

    public ExperimentReport Analyse(
        Experiment experiment,
        IReadOnlyList<ExperimentPost> posts,
        IReadOnlyList<LatestCounters> latest,
        IReadOnlyList<SeriesPoint> series,
        DateTimeOffset now,
        TimeSpan? seriesBucket = null)
    {
        var bucket = seriesBucket ?? SeriesGrouping.Hour;
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(series);
        var definition = experiment.Definition;
        var rule = definition.Decision;
        var metric = definition.Metric;
        var unit = metric.EffectiveUnit;
        var options = OptionsFor(rule, unit);
        var engine = new StatisticsEngine(Options.Create(options));
        var warnings = new List<string>();
        var byKey = latest.ToDictionary(l => l.PostKey);

        var arms = definition.Variants.Select((v, i) => Arm(i, v.Name, posts, byKey, metric, warnings, now)).ToList();
        if (ChanceToBeBest.Of([.. arms.Select(a => Summary(a.Observations, unit))], metric.Direction) is { } best)
        {
            arms = [.. arms.Select((a, i) => (a.Report with { ChanceToBeBest = best[i] }, a.Observations))];
        }

        var comparisons = Compare(engine, definition, metric, arms.Select(a => a.Observations).ToList(), rule, out var enoughData);
        var minimumPosts = arms.Min(a => a.Report.PostsMeasured) >= rule.MinPostsPerVariant;
        if (!minimumPosts)
        {
            enoughData = false;
            comparisons = [.. comparisons.Select(c => c.Problem is null ? c with { Verdict = Verdict.NotEnoughData } : c)];
        }

        var guardrails = definition.Guardrails
            .Select(g =>
            {
                var observations = definition.Variants.Select((v, i) => Arm(i, v.Name, posts, byKey, g, null, now).Observations).ToList();
                var result = Compare(engine, definition, g, observations, rule, out var guardrailData);
                return new GuardrailReport(g.Name, guardrailData && minimumPosts ? result : [.. result.Select(c => c.Problem is null ? c with { Verdict = Verdict.NotEnoughData } : c)]);
            })
            .ToList();
        foreach (var breach in guardrails.Where(g => g.Breached))
        {
            foreach (var c in breach.Comparisons.Where(c => c.Verdict == Verdict.VariantWorse))
            {
                warnings.Add($"guardrail '{breach.Metric}': variant '{c.Variant}' is significantly worse than the control ({Lift(c.Estimate, rule.Lift)}, interval {Lift(c.Low, rule.Lift)} to {Lift(c.High, rule.Lift)}).");
            }
        }

        var srm = Srm(arms, options);
        if (srm is { IsMismatch: true })
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"sample ratio mismatch: impressions split {Shares(srm.ObservedShares)} against {Shares(srm.PlannedShares)} expected from the posts due so far (p = {srm.AdjustedPValue:G3} after allowing for post-to-post spread). Posts failed or were deleted, or the platform showed one variant far more; check before trusting the result."));
        }

        LostPostWarnings(arms, warnings);
        warnings.AddRange(SlotComparability.Check(definition, posts));
        if (unit == AnalysisUnit.Impressions && Dispersion(arms) is { } dispersion)
        {
            warnings.Add(dispersion);
        }

        var summary = Summarise(experiment, comparisons, enoughData, rule, metric, now);
        return new ExperimentReport(
            experiment.Id, experiment.Name, definition.Description, experiment.State, metric.Name, unit, rule.Method, rule.Lift, metric.Direction,
            rule.Alpha, experiment.Looks, experiment.CreatedAt, experiment.EndsAt, now,
            [.. arms.Select(a => a.Report)], comparisons, enoughData, summary)
        {
            Guardrails = guardrails,
            Srm = srm,
            Series = Series(definition, metric, series, bucket),
            SeriesBucket = bucket,
            Decision = experiment.Decision,
            Warnings = warnings,
            Caveats = Caveats(rule, unit, options.Prior, comparisons),
            Prior = rule.Method == AnalysisMethod.Bayesian ? options.Prior : null,
        };
    }

    /// <summary>The engine's settings for this experiment: its rule's levels and minimums over the host's defaults.</summary>
    public StatisticsOptions OptionsFor(DecisionRule rule, AnalysisUnit unit)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new StatisticsOptions
        {
            Alpha = rule.Alpha,
            SequentialTuning = rule.SequentialTuning ?? defaults.SequentialTuning,
            Prior = rule.Prior ?? defaults.Prior,
            Adjustment = defaults.Adjustment,
            ChanceToBeatControlThreshold = rule.ChanceToBeatControl,
            MinimumUnitsPerArm = unit == AnalysisUnit.Impressions ? rule.MinImpressionsPerVariant : Math.Max(2, rule.MinPostsPerVariant),
            MinimumEventsPerArm = rule.MinEventsPerVariant,
            SrmPValueThreshold = defaults.SrmPValueThreshold,
            SrmMinimumShareDeviation = defaults.SrmMinimumShareDeviation,
            SrmMinimumRelativeDeviation = defaults.SrmMinimumRelativeDeviation,
        };
    }

    private static (ArmReport Report, List<(long Numerator, long Denominator, long Impressions)> Observations) Arm(
        int index, string name, IReadOnlyList<ExperimentPost> posts, Dictionary<long, LatestCounters> latest, MetricDefinition metric, List<string>? warnings, DateTimeOffset now)
    {
        var mine = posts.Where(p => p.Variant == index).ToList();
        var observations = new List<(long, long, long)>();
        int published = 0, deleted = 0, lost = 0, missing = 0, cancelled = 0;
        foreach (var post in mine)
        {
            if (post.Status is ExperimentPostStatus.Refused or ExperimentPostStatus.Failed)
            {
                lost++;
                continue;
            }

            if (post.Status == ExperimentPostStatus.Cancelled)
            {
                cancelled++;
                continue;
            }

            if (post.Status is ExperimentPostStatus.Published or ExperimentPostStatus.Deleted)
            {
                published++;
            }

            if (!latest.TryGetValue(post.Key, out var row))
            {
                continue;
            }

            if (row.Deleted || post.Status == ExperimentPostStatus.Deleted)
            {
                deleted++;
            }

            var numerator = row.Counters.Get(metric.Numerator);
            var denominator = row.Counters.Get(metric.Denominator);
            if (numerator is null || denominator is null)
            {
                missing++;
                continue;
            }

            observations.Add((numerator.Value, denominator.Value, row.Counters.Impressions ?? 0));
        }

        if (missing > 0)
        {
            warnings?.Add(string.Create(CultureInfo.InvariantCulture,
                $"{missing} measured post(s) of variant '{name}' lack '{metric.Numerator}' or '{metric.Denominator}' (the platform did not report it) and are left out."));
        }

        var report = new ArmReport(index, name, mine.Count, published, observations.Count, deleted, lost,
            observations.Sum(o => o.Item3), observations.Sum(o => o.Item1), observations.Sum(o => o.Item2))
        {
            PostsCancelled = cancelled,
            PostsDue = mine.Count(p => p.Plan.At <= now && p.Status != ExperimentPostStatus.Cancelled),
        };
        return (report, observations);
    }

    private IReadOnlyList<ComparisonReport> Compare(
        StatisticsEngine engine, ExperimentDefinition definition, MetricDefinition metric,
        List<List<(long Numerator, long Denominator, long Impressions)>> observations, DecisionRule rule, out bool enoughData)
    {
        var summaries = observations.Select(o => Summary(o, metric.EffectiveUnit)).ToList();
        var control = summaries[0];
        var variants = summaries.Skip(1).ToList();
        enoughData = engine.HasMinimumData(control) && variants.All(engine.HasMinimumData);
        var analysis = engine.Analyse(control, variants, rule.Method, rule.Lift, metric.Direction);

        // The chance to beat the control is shown whatever the method; it never decides unless the method is Bayesian.
        var bayes = rule.Method == AnalysisMethod.Bayesian
            ? analysis
            : new StatisticsEngine(Options.Create(OptionsFor(rule, metric.EffectiveUnit))).Analyse(control, variants, AnalysisMethod.Bayesian, rule.Lift, metric.Direction);
        return [.. analysis.Variants.Select((r, i) => new ComparisonReport(
            definition.Variants[i + 1].Name, r.Estimate, r.Low, r.High, r.PValue, r.AdjustedPValue,
            bayes.Variants[i].ExactChanceToBeatControl ?? bayes.Variants[i].ChanceToBeatControl, r.Verdict, r.Problem)
        {
            PriorWeight = rule.Method == AnalysisMethod.Bayesian && engine.Options.Prior is not null ? r.PriorWeight : null,
        })];
    }

    private static IArmSummary Summary(List<(long Numerator, long Denominator, long Impressions)> observations, AnalysisUnit unit)
    {
        if (unit == AnalysisUnit.Posts)
        {
            return RatioArmStatistics.FromPairs(observations.Select(o => ((double)o.Numerator, (double)o.Denominator)));
        }

        long events = observations.Sum(o => o.Numerator), trials = observations.Sum(o => o.Denominator);

        // Summed engagement counters can in principle exceed impressions; a rate above 1 is no proportion.
        return ArmStatistics.Proportion(Math.Min(events, trials), trials);
    }

    private static SrmReport? Srm(List<(ArmReport Report, List<(long Numerator, long Denominator, long Impressions)> Observations)> arms, StatisticsOptions options)
    {
        // Only posts whose time has come can have impressions: comparing with the whole plan would cry mismatch mid-run.
        var counts = arms.Select(a => a.Report.Impressions).ToList();
        var weights = arms.Select(a => (double)a.Report.PostsDue).ToList();
        if (counts.Sum() == 0 || weights.Sum() == 0)
        {
            return null;
        }

        var raw = SampleRatioMismatch.Check(counts, weights, options);

        // Quasi-Poisson: impressions per post vary far more than independent counts would.
        var perPost = arms.Select(a => a.Observations.Select(o => (double)o.Impressions).ToList()).Where(l => l.Count >= 2).ToList();
        var dispersion = 1.0;
        if (perPost.Count > 0)
        {
            var withinVariance = perPost.Sum(l =>
            {
                var mean = l.Average();
                return l.Sum(x => (x - mean) * (x - mean));
            }) / perPost.Sum(l => l.Count - 1);
            var overall = perPost.SelectMany(l => l).Average();
            dispersion = overall > 0 ? Math.Max(1, withinVariance / overall) : 1;
        }

        var adjustedP = raw.DegreesOfFreedom == 0 ? 1 : SpecialFunctions.GammaUpperRegularized(raw.DegreesOfFreedom / 2.0, raw.ChiSquare / dispersion / 2);
        var practicallyOff = raw.MaxShareDeviation >= options.SrmMinimumShareDeviation || raw.MaxRelativeDeviation >= options.SrmMinimumRelativeDeviation;
        double total = counts.Sum(), totalWeight = weights.Sum();
        return new SrmReport(
            [.. counts.Select(c => c / total)], [.. weights.Select(w => w / totalWeight)],
            raw.ChiSquare, raw.PValue, dispersion, adjustedP, adjustedP < options.SrmPValueThreshold && practicallyOff);
    }

    /// <summary>Pearson's dispersion of post-level rates within variants: above 1 means posts differ beyond binomial chance.</summary>
    private static string? Dispersion(List<(ArmReport Report, List<(long Numerator, long Denominator, long Impressions)> Observations)> arms)
    {
        double chiSquare = 0;
        var dof = 0;
        foreach (var (_, observations) in arms)
        {
            var used = observations.Where(o => o.Denominator > 0).ToList();
            long events = used.Sum(o => o.Numerator), trials = used.Sum(o => o.Denominator);
            var p = trials == 0 ? 0 : (double)events / trials;
            if (used.Count < 3 || p <= 0 || p >= 1)
            {
                continue;
            }

            chiSquare += used.Sum(o => Math.Pow(o.Numerator - (o.Denominator * p), 2) / (o.Denominator * p * (1 - p)));
            dof += used.Count - 1;
        }

        if (dof == 0)
        {
            return null;
        }

        var phi = chiSquare / dof;
        var pValue = SpecialFunctions.GammaUpperRegularized(dof / 2.0, chiSquare / 2);
        return phi > DispersionWarning && pValue < 0.01
            ? string.Create(CultureInfo.InvariantCulture,
                $"posts of the same variant differ more than chance allows (dispersion {phi:0.0}, p = {pValue:G2}): the analysis treats impressions as independent, so its intervals are too narrow by about ×{Math.Sqrt(phi):0.0}. Use 'unit: posts' on the metric with more posts per variant, or read the result with that in mind.")
            : null;
    }

    private static void LostPostWarnings(List<(ArmReport Report, List<(long, long, long)> Observations)> arms, List<string> warnings)
    {
        foreach (var (arm, _) in arms.Where(a => a.Report.PostsLost > 0))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"variant '{arm.Name}' lost {arm.PostsLost} of {arm.PostsPlanned} planned posts (refused or failed to publish): the variants no longer cover the same slots."));
        }

        foreach (var (arm, _) in arms.Where(a => a.Report.PostsDeleted > 0))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{arm.PostsDeleted} post(s) of variant '{arm.Name}' were deleted on the platform; their counters up to the deletion still count."));
        }
    }

    private static List<VariantSeries> Series(ExperimentDefinition definition, MetricDefinition metric, IReadOnlyList<SeriesPoint> points, TimeSpan bucket)
    {
        var result = new List<VariantSeries>();
        for (var v = 0; v < definition.Variants.Count; v++)
        {
            long numerator = 0, denominator = 0;
            var values = new List<SeriesValue>();
            foreach (var point in points.Where(p => p.Variant == v).OrderBy(p => p.Hour))
            {
                numerator += point.Gain.Get(metric.Numerator) ?? 0;
                denominator += point.Gain.Get(metric.Denominator) ?? 0;
                values.Add(new SeriesValue(point.Hour + bucket, numerator, denominator));
            }

            result.Add(new VariantSeries(definition.Variants[v].Name, values));
        }

        return result;
    }

    private static string Summarise(Experiment experiment, IReadOnlyList<ComparisonReport> comparisons, bool enoughData, DecisionRule rule, MetricDefinition metric, DateTimeOffset now)
    {
        if (experiment.Decision is { } d)
        {
            var interval = $"interval {Lift(d.Low, d.Kind)} to {Lift(d.High, d.Kind)}";
            return d.Winner == d.ComparedWith
                ? string.Create(CultureInfo.InvariantCulture, $"Winner: '{d.Winner}', {metric.Name} {Lift(d.Estimate, d.Kind)} over the control ({interval}); {Method(d.Method)}, decided at look {d.Look} on {d.DecidedAt:yyyy-MM-dd HH:mm} UTC.")
                : string.Create(CultureInfo.InvariantCulture, $"Winner: the control '{d.Winner}'; the best challenger '{d.ComparedWith}' is {Lift(d.Estimate, d.Kind)} on {metric.Name} ({interval}); {Method(d.Method)}, decided at look {d.Look} on {d.DecidedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        switch (experiment.State)
        {
            case ExperimentState.Stopped:
                return $"Stopped without a winner{(experiment.Note is null ? "." : ": " + experiment.Note)}";
            case ExperimentState.Completed:
                return $"No winner: {experiment.Note ?? "the horizon passed without a clear difference."}";
            case ExperimentState.Draft:
                return "Not started.";
        }

        if (!enoughData)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"No verdict yet: every variant needs at least {rule.MinPostsPerVariant} measured posts, {rule.MinImpressionsPerVariant} impressions and {rule.MinEventsPerVariant} {metric.Numerator}.");
        }

        var leading = comparisons.Where(c => c.Problem is null).OrderByDescending(c => metric.Direction == MetricDirection.HigherIsBetter ? c.Estimate : -c.Estimate).FirstOrDefault();
        var look = rule.Method == AnalysisMethod.Sequential
            ? "no variant is clearly better or worse yet; the sequential test keeps watching"
            : string.Create(CultureInfo.InvariantCulture, $"interim numbers only: the {Method(rule.Method)} decides once, at the horizon ({experiment.EndsAt:yyyy-MM-dd HH:mm} UTC)");
        return leading is null
            ? $"No verdict yet: {look}."
            : $"No verdict yet: {look}. Leading: '{leading.Variant}' at {Lift(leading.Estimate, rule.Lift)} ({Lift(leading.Low, rule.Lift)} to {Lift(leading.High, rule.Lift)}).";
    }

    private static string[] Caveats(DecisionRule rule, AnalysisUnit unit, NormalPrior? prior, IReadOnlyList<ComparisonReport> comparisons) =>
    [
        "The platform, not the experimenter, chooses who sees each post. These results compare posts, not randomised audiences: people who saw one variant may have seen another, and a variant's reach is partly its own doing.",
        "Time of day, weekday and novelty are controlled only by rotating the variants across comparable slots; the warnings say where that did not hold.",
        unit == AnalysisUnit.Impressions
            ? "Each impression is counted as an independent chance to click or reply, pooled per variant. When posts of one variant differ a lot (news, timing), the intervals are too narrow; the dispersion check warns when that shows."
            : "Each post is one observation; the ratio's uncertainty comes from the spread between posts (delta method), so few posts mean wide intervals.",
        rule.Method switch
        {
            AnalysisMethod.Sequential => "Sequential intervals stay valid however often you look, which makes them wider than a one-look test's.",
            AnalysisMethod.Frequentist => "The Welch test is valid for one look, at the horizon; numbers before then are interim and decide nothing.",
            _ => BayesianCaveat(prior, comparisons),
        },
    ];

    /// <summary>Which prior the Bayesian numbers assume and how strongly it pulled each estimate: a reader must see an informative prior at work.</summary>
    private static string BayesianCaveat(NormalPrior? prior, IReadOnlyList<ComparisonReport> comparisons)
    {
        const string once = "The Bayesian decision is read once, at the horizon.";
        if (prior is null)
        {
            return $"No prior: the lift, its interval and the chance to beat the control come from the data alone (a flat prior, as GrowthBook's default). {once}";
        }

        var weights = comparisons.Where(c => c.PriorWeight is not null).Select(c => string.Create(CultureInfo.InvariantCulture, $"'{c.Variant}' {c.PriorWeight:0%}")).ToList();
        var strength = weights.Count == 0
            ? "its weight in each estimate shows once there is data"
            : $"it makes up {string.Join(", ", weights)} of the estimate{(weights.Count == 1 ? "" : "s")}, pulling {(weights.Count == 1 ? "it" : "them")} towards {prior.Mean.ToString("0.###", CultureInfo.InvariantCulture)} by that share";
        return $"Informative prior {prior.Describe()}: {strength}. Without it (decision.prior: none, the default) the data speak alone. {once}";
    }

    public static string Lift(double value, LiftKind kind) => kind == LiftKind.Relative
        ? value.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture)
        : value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    private static string Shares(IReadOnlyList<double> shares) => string.Join("/", shares.Select(s => s.ToString("0.0%", CultureInfo.InvariantCulture)));

    private static string Method(AnalysisMethod method) => method switch
    {
        AnalysisMethod.Sequential => "sequential test",
        AnalysisMethod.Frequentist => "Welch test",
        _ => "Bayesian analysis",
    };
}
