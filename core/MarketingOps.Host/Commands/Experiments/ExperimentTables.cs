using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Core.Experiments.Planning;
using MarketingOps.Host.Cli;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>Tables and lines the experiment commands share.</summary>
internal static class ExperimentTables
{
    public static Table Plan(ExperimentDefinition definition, IReadOnlyList<PlannedPost> posts, TimeDisplay times)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(times);
        var at = times.Column("At", posts.Select(p => (string?)p.Account));
        var table = new Table().AddColumns("Slot", "Round", "Variant", "Account", at.Header, "Slot class", "Text");
        foreach (var p in posts)
        {
            table.AddRow(
                p.Slot.ToString(CultureInfo.InvariantCulture), p.Round.ToString(CultureInfo.InvariantCulture), Markup.Escape(definition.Variants[p.Variant].Name),
                Markup.Escape(p.Account), at.Cell(p.At, p.Account), p.SlotClass, Markup.Escape(Shorten(p.Text)));
        }

        return table;
    }

    public static Table Posts(ExperimentDefinition definition, IReadOnlyList<ExperimentPost> posts, TimeDisplay times)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(times);
        var planned = times.Column("Planned", posts.Select(p => (string?)p.Account));
        var published = times.Column("Published", posts.Select(p => (string?)p.Account));
        var table = new Table().AddColumns("Slot", "Variant", "Account", planned.Header, "Status", "Post", published.Header, "Detail");
        foreach (var p in posts)
        {
            table.AddRow(
                p.Plan.Slot.ToString(CultureInfo.InvariantCulture), Markup.Escape(definition.Variants[p.Variant].Name), Markup.Escape(p.Account),
                planned.Cell(p.Plan.At, p.Account), p.Status.ToString(), Markup.Escape(p.PostId is { Length: > 12 } id ? id[..12] : p.PostId ?? "-"),
                p.PublishedAt is { } at ? published.Cell(at, p.Account) : "-", Markup.Escape(p.Detail ?? ""));
        }

        return table;
    }

    /// <summary>The account an experiment's own times (created, ends, decided) are shown in: its first account, as its start is read.</summary>
    public static string? AccountOf(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return AccountOf(experiment.Definition);
    }

    public static string? AccountOf(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Accounts.Count > 0 ? definition.Accounts[0] : definition.Variants.Select(v => v.Account).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
    }

    public static void Warnings(IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]warning:[/] {warning}");
        }
    }

    public static string State(ExperimentState state) => state switch
    {
        ExperimentState.Running => "[blue]Running[/]",
        ExperimentState.Decided => "[green]Decided[/]",
        ExperimentState.Stopped => "[grey]Stopped[/]",
        _ => state.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 48 ? text : text[..47] + "…";
}
