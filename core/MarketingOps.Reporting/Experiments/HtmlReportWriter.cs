using System.Globalization;
using System.Net;
using System.Text;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;

namespace MarketingOps.Reporting.Experiments;

/// <summary>One self-contained HTML file: the verdict, tables, the charts as embedded PNGs, warnings and caveats. No scripts, no external files.</summary>
internal static class HtmlReportWriter
{
    public static string Write(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = $"Experiment {report.Name}";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; } .summary { font-size: 1.15rem; background: #f3f6fa; padding: .8rem 1rem; border-left: 4px solid #3572b0; }
            .warn li { color: #8a4b00; } img { max-width: 100%; display: block; margin: 1rem 0; } small { color: #666; }
            </style></head><body>
            <h1>{{E(title)}}</h1>
            <p><small>id {{E(report.ExperimentId)}} · {{E(report.State.ToString())}} · {{E(report.Method.ToString().ToLowerInvariant())}} analysis at α = {{report.Alpha:0.###}} · {{report.Looks}} looks · ends {{report.EndsAt:yyyy-MM-dd HH:mm}} UTC · generated {{report.GeneratedAt:yyyy-MM-dd HH:mm}} UTC</small></p>
            """);
        if (report.Description.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(report.Description)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\">{E(report.Summary)}</p>");
        // With more than two variants, beating the control and being best are different questions: show both.
        var showBest = report.Arms.Count > 2;
        html.Append(CultureInfo.InvariantCulture, $"<h2>Variants: {E(report.Metric)}</h2><table><tr><th>Variant</th><th>Posts planned</th><th>Published</th><th>Measured</th><th>Impressions</th><th>Events</th><th>Rate</th>{(showBest ? "<th>Chance to be best</th>" : "")}</tr>");
        foreach (var arm in report.Arms)
        {
            var best = showBest ? $"<td>{(arm.ChanceToBeBest is { } b ? b.ToString("0.0%", CultureInfo.InvariantCulture) : "–")}</td>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(arm.Name)}{(arm.Variant == 0 ? " (control)" : "")}</td><td>{arm.PostsPlanned}</td><td>{arm.PostsPublished}</td><td>{arm.PostsMeasured}</td><td>{arm.Impressions:N0}</td><td>{arm.Numerator:N0}</td><td>{arm.Rate:0.000%}</td>{best}</tr>");
        }

        html.Append("</table>");
        Comparisons(html, "Against the control", report.Comparisons, report);
        foreach (var guardrail in report.Guardrails)
        {
            Comparisons(html, $"Guardrail: {guardrail.Metric}", guardrail.Comparisons, report);
        }

        html.Append("<h2>Charts</h2>");
        Image(html, ReportCharts.Cumulative(report), $"Cumulative {report.Metric} per variant over time");
        Image(html, ReportCharts.Lift(report), "Lift over the control with its interval");
        Image(html, ReportCharts.ChanceToBeatControl(report), "Chance to beat the control");
        if (showBest)
        {
            Image(html, ReportCharts.ChanceToBeBest(report), "Chance to be the best variant");
        }

        if (report.Srm is { } srm)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Traffic split</h2><p>Impressions per variant {E(Shares(srm.ObservedShares))} against the posts due so far {E(Shares(srm.PlannedShares))}: χ² = {srm.ChiSquare:0.##}, p = {srm.PValue:G3} as if impressions were independent; {srm.AdjustedPValue:G3} after allowing for post-to-post spread (dispersion {srm.Dispersion:0.#}). {(srm.IsMismatch ? "<strong>Sample ratio mismatch.</strong>" : "No mismatch.")}</p>");
        }

        List(html, "Warnings", report.Warnings, "warn");
        List(html, "Read this before acting on the result", report.Caveats, null);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Comparisons(StringBuilder html, string heading, IReadOnlyList<ComparisonReport> comparisons, ExperimentReport report)
    {
        var pHeading = report.Method == AnalysisMethod.Bayesian ? "" : "<th>p (adjusted)</th>";
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(heading)}</h3><table><tr><th>Variant</th><th>Lift</th><th>Interval</th>{pHeading}<th>Chance to beat control</th><th>Verdict</th></tr>");
        foreach (var c in comparisons)
        {
            var p = report.Method == AnalysisMethod.Bayesian ? "" : $"<td>{(c.AdjustedPValue is { } ap ? ap.ToString("G3", CultureInfo.InvariantCulture) : "–")}</td>";
            var interval = c.Problem is null ? $"{ExperimentAnalyser.Lift(c.Low, report.Lift)} to {ExperimentAnalyser.Lift(c.High, report.Lift)}" : E(c.Problem);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Variant)}</td><td>{ExperimentAnalyser.Lift(c.Estimate, report.Lift)}</td><td>{interval}</td>{p}<td>{(c.ChanceToBeatControl is { } w ? w.ToString("0.0%", CultureInfo.InvariantCulture) : "–")}</td><td>{E(Verdicts.Describe(c.Verdict))}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Image(StringBuilder html, byte[] png, string alt) =>
        html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">");

    private static void List(StringBuilder html, string heading, IReadOnlyList<string> items, string? cssClass)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(heading)}</h2><ul{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>");
        }

        html.Append("</ul>");
    }

    private static string Shares(IReadOnlyList<double> shares) => string.Join(" / ", shares.Select(s => s.ToString("0.0%", CultureInfo.InvariantCulture)));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
