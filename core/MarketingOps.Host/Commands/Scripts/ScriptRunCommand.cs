using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary>
/// <c>mops script run</c>: runs a script against the client's accounts and posts; diagnostics on stderr, the script's
/// value on stdout, or with <c>--json</c> all of it (and what it printed) as one JSON value on stdout.
/// </summary>
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
            // Under --json what the script prints is kept for the answer: stdout carries one JSON value and nothing else.
            using var printed = settings.Json ? new StringWriter() : null;
            var services = HostScriptServices.Create(host.Services, file, printed ?? Console.Out);
            services = services with { Log = new ScriptConsoleLogger(services.Log) };
            var result = await host.Services.GetRequiredService<ScriptRunner>().RunAsync(
                file,
                new ScriptRunRequest(services) { Args = context.Remaining.Raw.ToList(), Timeout = timeout, DryRun = settings.DryRun },
                cancellationToken);

            if (printed is not null)
            {
                JsonOutput.Write(new ScriptRunJson(
                    DisplayPath.Of(file), result.Outcome, result.Succeeded, result.ReturnValue, printed.ToString(), ScriptDiagnosticJson.From(result.Diagnostics),
                    settings.DryRun ? result.DryRunActions : null, result.PrepareTime.TotalMilliseconds, result.RunTime.TotalMilliseconds, result.CacheHit, result.WorkerKilled));
                return result.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
            }

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
