using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Host;
using MarketingOps.Host.Commands.Plugins;
using MarketingOps.Host.Commands.Stats;
using MarketingOps.Host.Hosting;
using Serilog;
using Spectre.Console.Cli;

namespace MarketingOps.Host;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Read before parsing so that even a parse error honours it; Spectre parses everything else.
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        Logging.Bootstrap(verbose);
        try
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("mops");
                config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, verbose));
                PluginCommands.Register(config);
                HostCommands.Register(config);
                StatsCommands.Register(config);
            });
            return await app.RunAsync(args);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
