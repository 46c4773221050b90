using System.Reflection;
using MarketingOps.Host.Cli;
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

        // Read before parsing so that even a parse error honours it; Spectre parses everything else. Serilog is set up
        // by the commands that build a host: nothing logs before that, and a bootstrap logger cost every call ~10 ms.
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
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
                // An option a command does not know is refused, never dropped: `--edti` would approve the text unedited.
                config.UseStrictParsing();
                config.SetApplicationVersion(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, verbose));
                CommandTree.Register(config, args);
            });
            return await app.RunAsync(args);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
