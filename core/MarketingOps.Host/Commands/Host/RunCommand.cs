using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

/// <summary><c>mops run</c>: the long-running host; Ctrl+C (SIGINT) or SIGTERM stops it cleanly.</summary>
internal sealed class RunCommand : HostedCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { WatchPlugins = settings.WatchPlugins, ConsoleLevel = Serilog.Events.LogEventLevel.Information });

        // A second `mops run` on this folder stops here, in one line, before any plugin loads or journal replays.
        host.Services.GetRequiredService<ExclusiveStoreLock>().Acquire();
        await host.StartAsync(cancellationToken);
        var logger = host.Services.GetRequiredService<ILogger<RunCommand>>();
        var plugins = host.Services.GetRequiredService<PluginManager>();
        foreach (var state in plugins.States)
        {
            logger.LogInformation("Plugin {PluginId} {Version}: {Status} {Reason}", state.Id, state.Version, state.Status, state.Reason);
        }

        logger.LogInformation("mops is running for {ClientFolder}; press Ctrl+C to stop", host.Services.GetRequiredService<Hosting.ClientFolder>().Root);
        await host.WaitForShutdownAsync(cancellationToken);
        logger.LogInformation("mops stopped");
        return ExitCodes.Success;
    }
}
