using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script run</c>: runs a script against the client's accounts and posts; diagnostics on stderr, the script's value on stdout.</summary>
internal sealed class ScriptRunCommand : HostedCommand<ScriptRunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScriptRunSettings settings, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(settings.File);
        var timeout = settings.ParsedTimeout;
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        try
        {
            // Posts are checked by their platform when scheduled, so the plugins must be loaded.
            host.Services.GetRequiredService<PluginManager>().LoadAll();
            var services = HostScriptServices.Create(host.Services, file, Console.Out);
            services = services with { Log = new ScriptConsoleLogger(services.Log) };
            var result = await host.Services.GetRequiredService<ScriptRunner>().RunAsync(
                file,
                new ScriptRunRequest(services) { Args = context.Remaining.Raw.ToList(), Timeout = timeout, DryRun = settings.DryRun },
                cancellationToken);

            DiagnosticPrinter.Print(result.Diagnostics);
            if (result.ReturnValue is { } value)
            {
                Console.Out.WriteLine(value);
            }

            if (settings.DryRun)
            {
                Console.Error.WriteLine($"dry run: {result.DryRunActions.Count} action{(result.DryRunActions.Count == 1 ? "" : "s")} recorded; nothing was posted or started");
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
