using MarketingOps.Core.Statistics;

namespace MarketingOps.Host.Commands.Stats;

/// <summary>The parsed and checked arguments of <c>mops stats proportions</c>.</summary>
internal sealed record ProportionsRequest(
    (long Events, long Trials) Control,
    IReadOnlyList<(long Events, long Trials)> Variants,
    AnalysisMethod Method,
    LiftKind Kind,
    MetricDirection Direction,
    StatisticsOptions Options,
    IReadOnlyList<string> Errors)
{
    public static ProportionsRequest Parse(ProportionsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var p = new ArgumentParser();
        var control = p.Counts(settings.Control, "--control");
        if (settings.Variants.Length == 0)
        {
            p.Fail("--variant is required at least once, as CLICKS/IMPRESSIONS (e.g. 150/4000).");
        }

        var variants = settings.Variants.Select((v, i) => p.Counts(v, settings.Variants.Length == 1 ? "--variant" : $"--variant {i + 1}")).ToList();

        AnalysisMethod? method = settings.Method.ToUpperInvariant() switch
        {
            "FREQUENTIST" => AnalysisMethod.Frequentist,
            "SEQUENTIAL" => AnalysisMethod.Sequential,
            "BAYESIAN" => AnalysisMethod.Bayesian,
            _ => null,
        };
        if (method is null)
        {
            p.Fail($"--method '{settings.Method}' is not one of frequentist, sequential, bayesian.");
        }

        if (settings.Relative && settings.Absolute)
        {
            p.Fail("--relative and --absolute exclude each other; give one.");
        }

        var options = new StatisticsOptions();
        options.Alpha = p.Number(settings.Alpha, "--alpha", a => a is > 0 and < 0.5, "between 0 and 0.5, e.g. 0.05") ?? options.Alpha;
        if (settings.Tuning is not null)
        {
            if (method != AnalysisMethod.Sequential)
            {
                p.Fail("--tuning only applies to --method sequential.");
            }

            options.SequentialTuning = p.Number(settings.Tuning, "--tuning", n => n > 0, "more than 0, e.g. 5000") ?? options.SequentialTuning;
        }

        if (settings.Prior is not null)
        {
            if (method != AnalysisMethod.Bayesian)
            {
                p.Fail("--prior only applies to --method bayesian.");
            }

            options.Prior = ParsePrior(settings.Prior, p);
        }

        if (settings.Adjust is not null)
        {
            options.Adjustment = settings.Adjust.ToUpperInvariant() switch
            {
                "HOLM" => PValueAdjustment.Holm,
                "BH" or "BENJAMINI-HOCHBERG" => PValueAdjustment.BenjaminiHochberg,
                "NONE" => PValueAdjustment.None,
                _ => Invalid(p, $"--adjust '{settings.Adjust}' is not one of holm, bh, none."),
            };
        }

        return new ProportionsRequest(
            control ?? default,
            variants.Select(v => v ?? default).ToList(),
            method ?? AnalysisMethod.Frequentist,
            settings.Absolute ? LiftKind.Absolute : LiftKind.Relative,
            settings.LowerIsBetter ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter,
            options,
            p.Errors);
    }

    private static NormalPrior? ParsePrior(string text, ArgumentParser p)
    {
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length != 2)
        {
            p.Fail($"--prior '{text}' is not MEAN,VARIANCE (e.g. 0,0.09) or 'none'.");
            return NormalPrior.Weak;
        }

        var mean = p.Number(parts[0], $"--prior '{text}': mean", double.IsFinite, "a finite number");
        var variance = p.Number(parts[1], $"--prior '{text}': variance", v => v > 0, "more than 0");
        return mean is null || variance is null ? NormalPrior.Weak : new NormalPrior(mean.Value, variance.Value);
    }

    private static PValueAdjustment Invalid(ArgumentParser p, string message)
    {
        p.Fail(message);
        return PValueAdjustment.Holm;
    }
}
