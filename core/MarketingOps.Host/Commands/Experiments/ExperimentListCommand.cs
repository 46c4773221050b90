using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary><c>mops experiment list</c>: every experiment, newest first.</summary>
internal sealed class ExperimentListCommand : AsyncCommand<TimeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TimeSettings settings, CancellationToken cancellationToken)
    {
        using var host = ExperimentHost.Build(settings);
        var experiments = await host.Services.GetRequiredService<ExperimentService>().ListAsync(cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(experiments.Select(e => new { e.Id, e.Name, e.State, Variants = e.Definition.Variants.Count, Metric = e.Definition.Metric.Name, e.Definition.Decision.Method, e.CreatedAt, e.EndsAt, e.Looks, Winner = e.Decision?.Winner }));
            return ExitCodes.Success;
        }

        var times = TimeDisplay.Of(settings, host.Services);
        var created = times.Column("Created", experiments.Select(ExperimentTables.AccountOf));
        var ends = times.Column("Ends", experiments.Select(ExperimentTables.AccountOf));
        var table = new Table().AddColumns("Id", "Name", "State", "Variants", "Metric", "Method", created.Header, ends.Header, "Looks", "Winner");
        foreach (var e in experiments)
        {
            table.AddRow(
                e.Id[..12], Markup.Escape(e.Name), ExperimentTables.State(e.State), e.Definition.Variants.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(e.Definition.Metric.Name), e.Definition.Decision.Method.ToString().ToLowerInvariant(),
                created.Cell(e.CreatedAt, ExperimentTables.AccountOf(e)), ends.Cell(e.EndsAt, ExperimentTables.AccountOf(e)),
                e.Looks.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Decision?.Winner ?? "-"));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
