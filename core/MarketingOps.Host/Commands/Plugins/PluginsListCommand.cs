using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary><c>mops plugins list</c>: every plugin of plugins.json with its status and, where not active, why.</summary>
internal sealed class PluginsListCommand : HostedCommand<JsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        var plugins = host.Services.GetRequiredService<PluginManager>();
        var problems = plugins.LoadAll();
        var states = plugins.States;
        if (settings.Json)
        {
            JsonOutput.Write(new { plugins = states, problems = problems.Select(p => p.ToString()) });
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().AddColumns("Id", "Version", "Kind", "Status", "Reason");
        foreach (var state in states)
        {
            var status = state.Status switch
            {
                PluginStatus.Active => "[green]Active[/]",
                PluginStatus.Disabled => "[grey]Disabled[/]",
                _ => $"[red]{state.Status}[/]",
            };
            table.AddRow(Markup.Escape(state.Id), Markup.Escape(state.Version ?? "-"), state.Kind?.ToString() ?? "-", status, Markup.Escape(state.Reason ?? ""));
        }

        AnsiConsole.Write(table);
        foreach (var problem in problems)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]problem:[/] {problem}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
