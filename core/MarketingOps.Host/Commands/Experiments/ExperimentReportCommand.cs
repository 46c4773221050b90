using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Analysis;
using MarketingOps.Core.Experiments.Reports;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Cli;
using MarketingOps.Reporting.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary><c>mops experiment report ID</c>: the analysis as a table (or JSON), and optionally a self-contained HTML file with charts.</summary>
internal sealed class ExperimentReportCommand : AsyncCommand<ExperimentReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExperimentReportSettings settings, CancellationToken cancellationToken)
    {
        using var host = ExperimentHost.Build(settings);
        var service = host.Services.GetRequiredService<ExperimentService>();
        return await ExperimentHost.RunAsync(async () =>
        {
            var report = await service.ReportAsync(settings.Id, cancellationToken);
            if (settings.Html is { Length: > 0 } html)
            {
                var path = await OutputFile.WriteAsync(html, HtmlReportWriter.Write(report), cancellationToken);
                if (!settings.Json)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"HTML report written to [blue]{path}[/]");
                }
            }

            if (settings.Json)
            {
                JsonOutput.Write(report);
            }
            else
            {
                Print(report);
            }

            return ExitCodes.Success;
        });
    }

    public static void Print(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{report.Name}[/] ({report.State}, {report.Method.ToString().ToLowerInvariant()}, {report.Looks} looks)");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{report.Summary}[/]");
        // A Bayesian analysis has no p-value: its column is left out rather than shown empty.
        var showP = report.Method != AnalysisMethod.Bayesian;
        List<string> columns = ["Variant", "Posts", "Measured", "Impressions", report.Metric.Split(' ')[0] + " events", "Rate", "Lift", "Interval"];
        if (showP)
        {
            columns.Add("p (adj.)");
        }

        // With more than two variants, beating the control and being best are different questions: show both.
        var showBest = report.Arms.Count > 2;
        columns.Add("Chance to beat control");
        if (showBest)
        {
            columns.Add("Chance to be best");
        }

        var arms = new Table().AddColumns([.. columns, "Verdict"]);
        foreach (var arm in report.Arms)
        {
            var c = arm.Variant == 0 ? null : report.Comparisons[arm.Variant - 1];
            List<string> cells =
            [
                Markup.Escape(arm.Name + (arm.Variant == 0 ? " (control)" : "")),
                arm.PostsCancelled > 0 ? $"{arm.PostsPublished}/{arm.PostsPlanned} ({arm.PostsCancelled} cancelled)" : $"{arm.PostsPublished}/{arm.PostsPlanned}",
                arm.PostsMeasured.ToString(CultureInfo.InvariantCulture),
                arm.Impressions.ToString("N0", CultureInfo.InvariantCulture),
                arm.Numerator.ToString("N0", CultureInfo.InvariantCulture),
                arm.Rate.ToString("0.000%", CultureInfo.InvariantCulture),
                c is null ? "" : ExperimentAnalyser.Lift(c.Estimate, report.Lift),
                c is null ? "" : c.Problem is null ? $"{ExperimentAnalyser.Lift(c.Low, report.Lift)} to {ExperimentAnalyser.Lift(c.High, report.Lift)}" : Markup.Escape(c.Problem),
            ];
            if (showP)
            {
                cells.Add(c?.AdjustedPValue is { } p ? p.ToString("G3", CultureInfo.InvariantCulture) : "");
            }

            cells.Add(c?.ChanceToBeatControl is { } w ? w.ToString("0.0%", CultureInfo.InvariantCulture) : "");
            if (showBest)
            {
                cells.Add(arm.ChanceToBeBest is { } b ? b.ToString("0.0%", CultureInfo.InvariantCulture) : "");
            }

            cells.Add(c is null ? "" : Verdicts.Describe(c.Verdict));
            arms.AddRow([.. cells]);
        }

        AnsiConsole.Write(arms);
        foreach (var guardrail in report.Guardrails)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"guardrail {guardrail.Metric}: {string.Join("; ", guardrail.Comparisons.Select(c => $"{c.Variant} {ExperimentAnalyser.Lift(c.Estimate, report.Lift)} ({Verdicts.Describe(c.Verdict)})"))}");
        }

        ExperimentTables.Warnings(report.Warnings);
        foreach (var caveat in report.Caveats)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]note:[/] {caveat}");
        }
    }
}
