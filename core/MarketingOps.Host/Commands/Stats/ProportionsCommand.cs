using System.Globalization;
using MarketingOps.Core.Statistics;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

/// <summary><c>mops stats proportions</c>: every variant's rate against the control's, with the chosen method.</summary>
internal sealed class ProportionsCommand : Command<ProportionsSettings>
{
    public override int Execute(CommandContext context, ProportionsSettings settings, CancellationToken cancellationToken)
    {
        var output = Analyse(ProportionsRequest.Parse(settings));
        if (settings.Json)
        {
            JsonOutput.Write(output);
        }
        else
        {
            WriteTable(output);
        }

        return ExitCodes.Success;
    }

    public static ProportionsOutput Analyse(ProportionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engine = new StatisticsEngine(Options.Create(request.Options));
        var control = ArmStatistics.Proportion(request.Control.Events, request.Control.Trials);
        var variants = request.Variants.Select(v => (IArmSummary)ArmStatistics.Proportion(v.Events, v.Trials)).ToList();
        var analysis = engine.Analyse(control, variants, request.Method, request.Kind, request.Direction);
        var best = request.Method == AnalysisMethod.Bayesian ? ChanceToBeBest.Of([control, .. variants], request.Direction) : null;

        var results = analysis.Variants.Select((r, i) =>
        {
            var (events, trials) = request.Variants[i];
            var z = request.Method == AnalysisMethod.Frequentist
                ? PooledProportionsZTest.Test(request.Control.Events, request.Control.Trials, events, trials)
                : null;
            return new VariantOutput(
                r.Variant, events, trials, r.VariantMean, r.Estimate, r.Low, r.High, r.StandardError,
                r.PValue, r.AdjustedPValue, r.ChanceToBeatControl, r.ExactChanceToBeatControl, r.RiskOfChoosingControl, r.RiskOfChoosingVariant,
                r.Verdict, r.Problem, z) { ChanceToBeBest = best?[i + 1], PriorWeight = request.Options.Prior is null ? null : r.PriorWeight };
        }).ToList();

        return new ProportionsOutput(
            analysis.Method,
            analysis.Kind,
            analysis.Direction,
            analysis.Alpha,
            analysis.Adjustment,
            request.Method == AnalysisMethod.Sequential ? request.Options.SequentialTuning : null,
            request.Method == AnalysisMethod.Bayesian ? request.Options.Prior : null,
            new ArmOutput(request.Control.Events, request.Control.Trials, control.Mean, best?[0]),
            results);
    }

    private static void WriteTable(ProportionsOutput output)
    {
        var bayesian = output.Method == AnalysisMethod.Bayesian;
        var coverage = (1 - output.Alpha).ToString("P0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("Arm", "Clicks/Impressions", "Rate", $"{output.Lift} lift", $"{coverage} interval");
        // With more than two arms, beating the control and being best are different questions: show both.
        var showBest = bayesian && output.Variants.Count > 1;
        if (bayesian)
        {
            table.AddColumns("Chance to beat control", "Exact chance", "Risk (control / variant)");
        }

        if (showBest)
        {
            table.AddColumn("Chance to be best");
        }
        else
        {
            table.AddColumns("p-value", output.Adjustment == PValueAdjustment.None ? "" : $"p ({output.Adjustment})");
        }

        table.AddColumn("Verdict");
        var c = output.Control;
        table.AddRow([Markup.Escape("control"), $"{c.Clicks}/{c.Impressions}", Percent(c.Rate), .. Enumerable.Repeat("", table.Columns.Count - (showBest ? 5 : 3)), .. showBest ? [Number(c.ChanceToBeBest), ""] : Array.Empty<string>()]);
        foreach (var v in output.Variants)
        {
            List<string> row = [$"variant {v.Variant}", $"{v.Clicks}/{v.Impressions}", Percent(v.Rate), Lift(v.Lift, output.Lift), $"[{Lift(v.CiLow, output.Lift)}, {Lift(v.CiHigh, output.Lift)}]"];
            row.AddRange(bayesian
                ? [Number(v.ChanceToBeatControl), Number(v.ExactChanceToBeatControl), $"{Number(v.RiskOfChoosingControl)} / {Number(v.RiskOfChoosingVariant)}"]
                : [Number(v.PValue), output.Adjustment == PValueAdjustment.None ? "" : Number(v.AdjustedPValue)]);
            if (showBest)
            {
                row.Add(Number(v.ChanceToBeBest));
            }

            row.Add(v.Problem is null ? v.Verdict.ToString() : $"{v.Verdict}: {v.Problem}");
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(output.Method switch
        {
            AnalysisMethod.Sequential => $"Sequential (always-valid) intervals tuned at N* = {output.SequentialTuning}: safe to look at any time.",
            AnalysisMethod.Bayesian => $"Bayesian, {PriorText(output)}; exact chance from Beta(1,1) posteriors{(showBest ? "; the chance to be best compares every arm with all the others" : "")}.",
            _ => "Welch t-test: valid for one look at the data; use --method sequential when you check repeatedly.",
        });
    }

    private static string PriorText(ProportionsOutput output) => output.Prior is { } prior
        ? $"informative prior {prior.Describe()}, making up {string.Join(", ", output.Variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.PriorWeight:0%}")))} of the estimate{(output.Variants.Count == 1 ? "" : "s")}"
        : "no prior (the data alone)";

    private static string Percent(double rate) => rate.ToString("P3", CultureInfo.InvariantCulture);

    private static string Lift(double value, LiftKind kind) =>
        kind == LiftKind.Relative ? value.ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture) : value.ToString("+0.00000;-0.00000", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";
}
