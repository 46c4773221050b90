using System.Text.Json;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Commands.Stats;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Tests.Commands.Stats;

/// <summary>Runs the real CLI parser and commands (as Program does) and captures what they print.</summary>
internal static class MopsRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("mops");
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, args, verbose: false));
            StatsCommands.Register(config);
        });

        TextWriter originalOut = Console.Out, originalError = Console.Error;
        var originalAnsi = AnsiConsole.Console;
        using StringWriter output = new(), error = new();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);

            // Spectre's console keeps the writer it was created with; give it this run's.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var exit = app.Run(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            AnsiConsole.Console = originalAnsi;
        }
    }

    /// <summary>Runs with <c>--json</c> appended and parses the output; fails the test on a non-zero exit.</summary>
    public static JsonElement Json(params string[] args)
    {
        var (exit, output, error) = Run([.. args, "--json"]);
        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    public static void Near(double expected, JsonElement element, string property, double tolerance)
    {
        var actual = element.GetProperty(property).GetDouble();
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{property}: expected {expected} ± {tolerance}, got {actual}.");
    }
}
