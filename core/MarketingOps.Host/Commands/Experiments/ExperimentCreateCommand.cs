using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Core.Experiments.Definitions;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>
/// <c>mops experiment create FILE</c>: reads, checks and plans the experiment, then schedules its posts through the
/// normal guardrails, all or nothing. <c>--dry-run</c> runs every check and stores nothing.
/// </summary>
internal sealed class ExperimentCreateCommand : AsyncCommand<ExperimentCreateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExperimentCreateSettings settings, CancellationToken cancellationToken)
    {
        using var host = ExperimentHost.Build(settings);
        var service = host.Services.GetRequiredService<ExperimentService>();
        var times = TimeDisplay.Of(settings, host.Services);
        return await ExperimentHost.RunAsync(async () =>
        {
            var definition = ExperimentFileReader.Load(settings.File, service.ZoneOf);
            if (settings.DryRun)
            {
                var plan = await service.PlanAsync(definition, cancellationToken);
                if (settings.Json)
                {
                    JsonOutput.Write(new { definition, posts = plan.Posts, warnings = plan.Warnings });
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{definition.Name}[/]: {plan.Posts.Count} posts planned, nothing stored (--dry-run)");
                    AnsiConsole.Write(ExperimentTables.Plan(definition, plan.Posts, times));
                    ExperimentTables.Warnings(plan.Warnings);
                }

                return ExitCodes.Success;
            }

            var created = await service.CreateAsync(definition, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(new { experiment = created.Experiment, posts = created.Posts, warnings = created.Warnings });
                return ExitCodes.Success;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"created experiment [bold]{definition.Name}[/] ({created.Experiment.Id}): {created.Posts.Count} posts scheduled; ends {times.Labelled(created.Experiment.EndsAt, ExperimentTables.AccountOf(definition))}");
            AnsiConsole.Write(ExperimentTables.Posts(definition, created.Posts, times));
            ExperimentTables.Warnings(created.Warnings);
            return ExitCodes.Success;
        });
    }
}
