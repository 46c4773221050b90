using MarketingOps.Core.Guardrails;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Guardrails;

/// <summary>Shows a guardrail verdict as a table: one row per rule, with the earlier message it matched.</summary>
internal static class GuardrailTable
{
    public static void Write(GuardrailVerdict verdict, TimeDisplay times)
    {
        var table = new Table().AddColumns("Rule", "Verdict", "Reason", "Matched");
        foreach (var result in verdict.Results)
        {
            var match = result.Match is { } m
                ? $"{m.MessageId} ({m.Account}, {times.Labelled(m.At, m.Account)}{(m.Similarity is { } s ? $", {s:0.00}" : "")})"
                : "-";
            table.AddRow(new Text(result.Rule), new Markup(Colour(result.Outcome)), new Text(result.Reason), new Text(match));
        }

        AnsiConsole.Write(table);
    }

    public static string Colour(GuardrailOutcome outcome) => outcome switch
    {
        GuardrailOutcome.Allow => "[green]allow[/]",
        GuardrailOutcome.NeedsApproval => "[yellow]needs approval[/]",
        _ => "[red]reject[/]",
    };
}
