using System.Reflection;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Access;
using MarketingOps.Host.Commands.Accounts;
using MarketingOps.Host.Commands.Experiments;
using MarketingOps.Host.Commands.Guardrails;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Commands.Links;
using MarketingOps.Host.Commands.Inbox;
using MarketingOps.Host.Commands.Init;
using MarketingOps.Host.Commands.Plugins;
using MarketingOps.Host.Commands.Secrets;
using MarketingOps.Host.Commands.Posts;
using MarketingOps.Host.Commands.Reports;
using MarketingOps.Host.Commands.Scripts;
using MarketingOps.Host.Commands.Stats;
using MarketingOps.Host.Hosting;
using Serilog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host;

internal static class Program
{
    public static async Task<int> Main(string[] arguments)
    {
        // A value is taken whole, whatever its first characters ("-5 °C in Sapporo", "-- note to self").
        var args = OptionValues.Join(arguments);

        // Read before parsing so that even a parse error honours it; Spectre parses everything else.
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        Logging.Bootstrap(verbose);
        if (Console.IsOutputRedirected)
        {
            // Piped or captured output has no terminal width; Spectre would wrap tables at 80 columns.
            AnsiConsole.Profile.Width = 200;
        }

        try
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("mops");
                config.SetApplicationVersion(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, verbose));
                config.AddCommand<InitCommand>("init").WithDescription("Create a client folder: plugins.json (by plugin id), mops.json with the defaults, .gitignore; prints the next steps.");
                PluginCommands.Register(config);
                HostCommands.Register(config);
                StatsCommands.Register(config);
                ExperimentCommands.Register(config);
                PostCommands.Register(config);
                SecretCommands.Register(config);
                GuardrailCommands.Register(config);
                InboxCommands.Register(config);
                ReportCommands.Register(config);
                LinkCommands.Register(config);
                ScriptCommands.Register(config);
                AccessCommands.Register(config);
                AccountCommands.Register(config);
            });
            return await app.RunAsync(args);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
