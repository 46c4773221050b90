using System.Globalization;
using MarketingOps.Core.Experiments;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary><c>mops experiment stop ID</c>: stops a running experiment and cancels its unpublished posts.</summary>
internal sealed class ExperimentStopCommand : AsyncCommand<ExperimentStopSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExperimentStopSettings settings, CancellationToken cancellationToken)
    {
        using var host = ExperimentHost.Build(settings);
        var service = host.Services.GetRequiredService<ExperimentService>();
        return await ExperimentHost.RunAsync(async () =>
        {
            var stopped = await service.StopAsync(settings.Id, settings.Reason, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(stopped);
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"stopped [bold]{stopped.Name}[/] ({stopped.Id}): {stopped.Note}");
            }

            return ExitCodes.Success;
        });
    }
}
