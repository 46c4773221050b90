using System.Globalization;
using System.Text.RegularExpressions;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Commands.Stats;

namespace MarketingOps.Host.Application;

/// <summary>
/// The statistics calculators for the API: the CLI's own argument checks and computations, so both refuse and
/// answer alike; a problem's <c>--option</c> becomes the JSON path of the matching field.
/// </summary>
internal static partial class StatsApp
{
    public static ProportionsOutput Proportions(ProportionsBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = ProportionsRequest.Parse(new ProportionsSettings
        {
            Control = body.Control,
            Variants = [.. body.Variants ?? []],
            Method = body.Method ?? "frequentist",
            Relative = body.Relative,
            Absolute = body.Absolute,
            Alpha = Text(body.Alpha) ?? "0.05",
            Tuning = Text(body.Tuning),
            Prior = body.Prior,
            Adjust = body.Adjust,
            LowerIsBetter = body.LowerIsBetter,
        });
        Check(request.Errors);
        return ProportionsCommand.Analyse(request);
    }

    public static SrmOutput Srm(SrmBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = SrmRequest.Parse(new SrmSettings
        {
            Counts = string.Join(',', (body.Counts ?? []).Select(c => c.ToString(CultureInfo.InvariantCulture))),
            Weights = body.Weights is null ? null : string.Join(',', body.Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))),
        });
        Check(request.Errors);
        return SrmCommand.Check(request);
    }

    public static SampleSizeResult SampleSize(SampleSizeBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = SampleSizeRequest.Parse(new SampleSizeSettings
        {
            Baseline = Text(body.Baseline),
            Mde = Text(body.Mde),
            Alpha = Text(body.Alpha)!,
            Power = Text(body.Power)!,
        });
        Check(request.Errors);
        return SampleSizeCalculator.TwoProportions(request.Baseline, request.Mde, request.Alpha, request.Power);
    }

    private static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static void Check(IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        var byField = errors
            .GroupBy(e => Option().Match(e) is { Success: true } m ? "$." + Camel(m.Groups[1].Value) : "$", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        throw ApiProblemException.Invalid(byField);
    }

    private static string Camel(string option)
    {
        var parts = option.Split('-');
        var name = parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return name == "variant" ? "variants" : name;
    }

    [GeneratedRegex("^--([a-z-]+)")]
    private static partial Regex Option();
}
