using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Statistics;

/// <summary>
/// The facade a report uses: every variant against the control with one method, p-values adjusted when there
/// is more than one variant, verdicts withheld until every arm has the minimum data.
/// </summary>
internal sealed class StatisticsEngine(IOptions<StatisticsOptions> options)
{
    private readonly StatisticsOptions _options = options.Value;

    public StatisticsOptions Options => _options;

    /// <summary>
    /// Compares every variant with the control. <paramref name="plannedWeights"/> (control first) turns on the
    /// sample-ratio-mismatch check of the arms' units; null skips it.
    /// </summary>
    public ExperimentAnalysis Analyse(
        IArmSummary control,
        IReadOnlyList<IArmSummary> variants,
        AnalysisMethod method,
        LiftKind kind,
        MetricDirection direction = MetricDirection.HigherIsBetter,
        IReadOnlyList<double>? plannedWeights = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("Give at least one variant to compare with the control.", nameof(variants));
        }

        var enoughData = HasMinimumData(control) && variants.All(HasMinimumData);
        var results = variants.Select((v, i) => AnalyseOne(i + 1, control, v, method, kind, direction)).ToList();

        var adjustment = PValueAdjustment.None;
        if (method != AnalysisMethod.Bayesian && variants.Count > 1)
        {
            adjustment = _options.Adjustment;
            var adjusted = MultipleTesting.Adjust(results.Select(r => r.PValue ?? 1).ToArray(), adjustment);
            results = results.Select((r, i) => r with { AdjustedPValue = adjusted[i] }).ToList();
        }

        results = results.Select(r => r with { Verdict = Decide(r, method, direction, enoughData) }).ToList();

        SrmResult? srm = null;
        if (plannedWeights is not null)
        {
            var counts = new[] { control.Count }.Concat(variants.Select(v => v.Count)).ToArray();
            srm = SampleRatioMismatch.Check(counts, plannedWeights, _options);
        }

        return new ExperimentAnalysis(method, kind, direction, _options.Alpha, adjustment, results, srm);
    }

    public bool HasMinimumData(IArmSummary arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (arm.Count < _options.MinimumUnitsPerArm)
        {
            return false;
        }

        return arm switch
        {
            ArmStatistics { IsProportion: true } p => p.Events >= _options.MinimumEventsPerArm,
            RatioArmStatistics r => r.NumeratorSum >= _options.MinimumEventsPerArm,
            _ => true,
        };
    }

    private VariantResult AnalyseOne(int index, IArmSummary control, IArmSummary variant, AnalysisMethod method, LiftKind kind, MetricDirection direction)
    {
        var effect = EffectMoments.Compute(control, variant, kind);
        switch (method)
        {
            case AnalysisMethod.Bayesian:
                var bayes = BayesianNormalTest.Test(effect, _options.Prior?.On(kind, control.Mean), _options.Alpha, direction);
                double? exact = null;
                if (control is ArmStatistics { IsProportion: true } a && variant is ArmStatistics { IsProportion: true } b)
                {
                    var up = BetaBinomial.ChanceToBeat((long)a.Events, a.Count, (long)b.Events, b.Count);
                    exact = direction == MetricDirection.HigherIsBetter ? up : 1 - up;
                }

                return new VariantResult(
                    index, control.Mean, variant.Mean, bayes.Estimate, bayes.Low, bayes.High, bayes.StandardDeviation,
                    null, null, bayes.ChanceToBeatControl, exact, bayes.RiskOfChoosingControl, bayes.RiskOfChoosingVariant, Verdict.Inconclusive, bayes.Problem)
                {
                    PriorWeight = bayes.Problem is null ? bayes.PriorWeight : null,
                };
            case AnalysisMethod.Sequential:
            case AnalysisMethod.Frequentist:
                var test = method == AnalysisMethod.Sequential
                    ? SequentialTest.Test(effect, _options.SequentialTuning, _options.Alpha)
                    : WelchTTest.Test(effect, _options.Alpha);
                return new VariantResult(
                    index, control.Mean, variant.Mean, test.Estimate, test.Low, test.High, test.StandardError,
                    test.PValue, test.PValue, null, null, null, null, Verdict.Inconclusive, test.Problem);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown analysis method.");
        }
    }

    private Verdict Decide(VariantResult result, AnalysisMethod method, MetricDirection direction, bool enoughData)
    {
        if (result.Problem is not null)
        {
            return Verdict.NotAnalysable;
        }

        if (!enoughData)
        {
            return Verdict.NotEnoughData;
        }

        if (method == AnalysisMethod.Bayesian)
        {
            var chance = result.ChanceToBeatControl!.Value;
            return chance >= _options.ChanceToBeatControlThreshold ? Verdict.VariantBetter
                : chance <= 1 - _options.ChanceToBeatControlThreshold ? Verdict.VariantWorse
                : Verdict.Inconclusive;
        }

        if (result.AdjustedPValue >= _options.Alpha)
        {
            return Verdict.Inconclusive;
        }

        var up = result.Estimate > 0;
        return up == (direction == MetricDirection.HigherIsBetter) ? Verdict.VariantBetter : Verdict.VariantWorse;
    }
}
