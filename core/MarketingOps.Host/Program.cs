using System.Reflection;
using System.Runtime.CompilerServices;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Cli.Resident;
using Serilog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host;

internal static class Program
{
    public static int Main(string[] arguments)
    {
        if (arguments is [ResidentServer.Argument, var socket])
        {
            return ResidentServer.Run(socket);
        }

        // A call the resident process serves costs this process no more than a socket (docs/operations.md, "A CLI that answers in a blink").
        if (ResidentClient.TryRun(arguments) is { } exitCode)
        {
            return exitCode;
        }

        return RunHere(arguments);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // Spectre and Serilog load only when a command runs here
    private static int RunHere(string[] arguments)
    {
        if (Console.IsOutputRedirected)
        {
            // Piped or captured output has no terminal width; Spectre would wrap tables at 80 columns.
            AnsiConsole.Profile.Width = 200;
        }

        return RunCommandsAsync(arguments, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Parses and runs one command line; also how the resident process runs a call.</summary>
    public static async Task<int> RunCommandsAsync(string[] arguments, CancellationToken cancellationToken)
    {
        // A value is taken whole, whatever its first characters ("-5 °C in Sapporo", "-- note to self").
        var args = OptionValues.Join(arguments);

        // Read before parsing so that even a parse error honours it; Spectre parses everything else. Serilog is set up
        // by the commands that build a host: nothing logs before that, and a bootstrap logger cost every call ~10 ms.
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        try
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("mops");
                // An option a command does not know is refused, never dropped: `--edti` would approve the text unedited.
                config.UseStrictParsing();
                config.SetApplicationVersion(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, arguments, verbose));
                CommandTree.Register(config, args);
            });
            return await app.RunAsync(args, cancellationToken);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
