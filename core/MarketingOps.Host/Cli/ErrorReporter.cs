using MarketingOps.Core.Configuration;
using MarketingOps.Host.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>Turns an exception into one clear line (plus every configuration problem), a stack trace only with <c>--verbose</c>.</summary>
internal static class ErrorReporter
{
    /// <summary>Where the current command's log file is, once its client folder is known.</summary>
    public static string? LogPattern { get; set; }

    public static int Report(Exception exception, bool verbose)
    {
        var error = Console.Error;
        switch (exception)
        {
            case ConfigurationException config when config.Problems.Count > 0:
                error.WriteLine($"error: {config.Problems.Count} configuration problem{(config.Problems.Count == 1 ? "" : "s")}; nothing was started:");
                foreach (var problem in config.Problems)
                {
                    error.WriteLine($"  {problem}");
                }

                return ExitCodes.ConfigurationError;
            case UserFacingException or ConfigurationException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            case CommandParseException or CommandRuntimeException:
                error.WriteLine($"error: {exception.Message} (see `mops --help`)");
                return ExitCodes.UsageError;
        }

        error.WriteLine($"error: {exception.GetType().Name}: {exception.Message}");
        if (LogPattern is not null)
        {
            error.WriteLine($"  details are in the log: {LogPattern.Replace("-.json", "-*.json", StringComparison.Ordinal)}");
        }

        if (verbose)
        {
            AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(error);
            AnsiConsole.WriteException(exception, ExceptionFormats.ShortenPaths);
        }
        else
        {
            error.WriteLine("  run again with --verbose for the stack trace");
        }

        return ExitCodes.Failure;
    }
}
