using MarketingOps.Core.Links;
using MarketingOps.Core.Plugins;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

/// <summary><c>mops run</c>: the long-running host, serving the HTTP API unless <c>--no-web</c>; Ctrl+C (SIGINT) or SIGTERM stops it cleanly.</summary>
internal sealed class RunCommand : HostedCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var options = Options(settings, o => o with { WatchPlugins = settings.WatchPlugins, ConsoleLevel = Serilog.Events.LogEventLevel.Information });
        using var host = settings.NoWeb ? BuildHost(settings, _ => options) : BuildWebHost(options);

        // Every setting its options refuse is reported together, before anything starts or logs a stack trace (storage
        // settings that contradict each other were refused while building: the pipeline's services need the store).
        host.Services.GetService<IStartupValidator>()?.Validate();

        // A second `mops run` on this folder stops here, in one line, before any plugin loads or journal replays.
        host.Services.GetRequiredService<ExclusiveStoreLock>().Acquire();
        if (!settings.NoWeb)
        {
            Web.ListenCheck.EnsureFree(host.Services.GetRequiredService<Web.WebOptions>().Urls, options.Folder.SettingsFile);
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            // A service that did start (the scheduler's threads) would keep the process alive after the error. Stopping
            // services that never started may fail too; the user is told why the start failed, not why the stop did.
            try
            {
                await host.StopAsync(CancellationToken.None);
            }
            catch (Exception stop)
            {
                host.Services.GetRequiredService<ILogger<RunCommand>>().LogDebug(stop, "Stopping after a failed start failed as well");
            }

            throw;
        }

        var logger = host.Services.GetRequiredService<ILogger<RunCommand>>();
        var plugins = host.Services.GetRequiredService<PluginManager>();
        foreach (var state in plugins.States)
        {
            if (state.Reason is null)
            {
                logger.LogInformation("Plugin {PluginId} {Version}: {Status}", state.Id, state.Version ?? "-", state.Status);
            }
            else
            {
                logger.LogInformation("Plugin {PluginId} {Version}: {Status}: {Reason}", state.Id, state.Version ?? "-", state.Status, state.Reason);
            }
        }

        if (!settings.NoWeb)
        {
            logger.LogInformation("API listening on {Urls} (reference at /api/docs)", string.Join(", ", WebAddresses(host)));
        }

        if (host.Services.GetRequiredService<IOptions<LinkOptions>>().Value.ShortBaseUrl is { Length: > 0 } shortBase)
        {
            if (settings.NoWeb)
            {
                logger.LogWarning("Links:ShortBaseUrl is {ShortBase}, but --no-web serves no short links: another host of the client must serve /l/", shortBase);
            }
            else
            {
                logger.LogInformation("Short links {ShortBase}/l/CODE are answered here at /l/CODE; route them to this host", shortBase.TrimEnd('/'));
            }
        }

        logger.LogInformation("mops is running for {ClientFolder}; press Ctrl+C to stop", host.Services.GetRequiredService<ClientFolder>().Root);
        await host.WaitForShutdownAsync(cancellationToken);
        logger.LogInformation("mops stopped");
        return ExitCodes.Success;
    }

    // Kept apart so that only `mops run` (not `--no-web`, not any other command) loads ASP.NET Core.
    private static Microsoft.AspNetCore.Builder.WebApplication BuildWebHost(MopsHostOptions options)
    {
        ErrorReporter.LogPattern = Logging.FilePattern(options.Folder);
        ErrorReporter.SettingsFile = DisplayPath.Of(options.Folder.SettingsFile);
        return Web.MopsWebHost.Build(options);
    }

    private static IEnumerable<string> WebAddresses(IHost host) => ((Microsoft.AspNetCore.Builder.WebApplication)host).Urls;
}
