using System.Globalization;
using MarketingOps.Core.Experiments;
using Spectre.Console;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>Tables and lines the experiment commands share.</summary>
internal static class ExperimentTables
{
    public static Table Plan(ExperimentDefinition definition, IReadOnlyList<PlannedPost> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        var table = new Table().AddColumns("Slot", "Round", "Variant", "Account", "At (UTC)", "Slot class", "Text");
        foreach (var p in posts)
        {
            table.AddRow(
                p.Slot.ToString(CultureInfo.InvariantCulture), p.Round.ToString(CultureInfo.InvariantCulture), Markup.Escape(definition.Variants[p.Variant].Name),
                Markup.Escape(p.Account), p.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.SlotClass, Markup.Escape(Shorten(p.Text)));
        }

        return table;
    }

    public static Table Posts(ExperimentDefinition definition, IReadOnlyList<ExperimentPost> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        var table = new Table().AddColumns("Slot", "Variant", "Account", "Planned (UTC)", "Status", "Post", "Published (UTC)", "Detail");
        foreach (var p in posts)
        {
            table.AddRow(
                p.Plan.Slot.ToString(CultureInfo.InvariantCulture), Markup.Escape(definition.Variants[p.Variant].Name), Markup.Escape(p.Account),
                p.Plan.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.Status.ToString(), Markup.Escape(p.PostId is { Length: > 12 } id ? id[..12] : p.PostId ?? "-"),
                p.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(p.Detail ?? ""));
        }

        return table;
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
