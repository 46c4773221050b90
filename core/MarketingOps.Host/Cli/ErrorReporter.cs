using MarketingOps.Core.Configuration;
using Microsoft.Extensions.Options;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>Turns an exception into one clear line (plus every configuration problem), a stack trace only with <c>--verbose</c>.</summary>
internal static class ErrorReporter
{
    /// <summary>Where the current command's log file is, once its client folder is known.</summary>
    public static string? LogPattern { get; set; }

    /// <summary>The SQLite files of the current client folder, to name in a storage error; null on PostgreSQL.</summary>
    public static StoragePaths? StoreFiles { get; set; }

    /// <summary>The client's settings file as the user would name it, for a configuration error; null before a folder is known.</summary>
    public static string? SettingsFile { get; set; }

    /// <param name="exception">What the command threw.</param>
    /// <param name="arguments">The command line as typed (a call the resident process serves has its own), to name the option of a refused value.</param>
    /// <param name="verbose">Whether to print the stack trace.</param>
    public static int Report(Exception exception, IReadOnlyList<string> arguments, bool verbose)
    {
        var error = Console.Error;
        if (StorageFault(exception) is { } fault)
        {
            exception = fault;
        }

        if (SettingConversion.Explain(exception) is { } setting)
        {
            return SettingProblems(error, [setting]);
        }

        switch (exception)
        {
            case ConfigurationException config when config.Problems.Count > 0:
                return ConfigurationProblems(error, [.. config.Problems.Select(p => p.ToString())], where: null);
            case OptionsValidationException or AggregateException when OptionFailures(exception) is { Count: > 0 } failures:
                // Settings of mops.json (or MOPS_ environment variables) that their options refuse at start.
                return SettingProblems(error, failures);
            case UserFacingException or ConfigurationException or StorageFaultException or StoreLockedException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            case CommandRuntimeException runtime when OptionConversion.Explain(runtime, arguments) is { } conversion:
                error.WriteLine($"error: {conversion} (see `mops --help`)");
                return ExitCodes.UsageError;
            case CommandParseException when exception.Message == "Expected an option value." && MissingValue(arguments) is { } option:
                error.WriteLine($"error: {option}: no value given (see `mops --help`)");
                return ExitCodes.UsageError;
            case CommandParseException when exception.Message == "Expected an option value." && EmptyAfterEquals(arguments) is { } option:
                error.WriteLine($"error: {option}: no value after '=' (give {option}=VALUE or {option} VALUE; an empty value is {option} \"\") (see `mops --help`)");
                return ExitCodes.UsageError;
            case CommandParseException or CommandRuntimeException or UsageException:
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

    // The option left without a value at the end of the command line (OptionValues.Join gives it an empty one).
    private static string? MissingValue(IReadOnlyList<string> arguments)
    {
        return arguments.Count > 0 && OptionValues.TakingValues.Contains(arguments[^1]) ? arguments[^1] : null;
    }

    // An option written as "--text=" with nothing after the sign, anywhere on the command line.
    private static string? EmptyAfterEquals(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument == "--")
            {
                break;
            }

            if (argument.Length > 3 && argument[^1] == '=' && OptionValues.TakingValues.Contains(argument[..^1]))
            {
                return argument[..^1];
            }
        }

        return null;
    }

    // Settings of mops.json or of MOPS_ variables, each named as the user gave it.
    private static int SettingProblems(TextWriter error, List<string> problems)
    {
        var (labelled, where) = SettingSource.Label(problems, SettingsFile ?? "mops.json");
        return ConfigurationProblems(error, labelled, where);
    }

    private static int ConfigurationProblems(TextWriter error, List<string> problems, string? where)
    {
        error.WriteLine($"error: {problems.Count} configuration problem{(problems.Count == 1 ? "" : "s")}{(where is null ? "" : " in " + where)}; nothing was started:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        return ExitCodes.ConfigurationError;
    }

    private static List<string>? OptionFailures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    /// <summary>The storage fault behind an exception from anywhere (a SQLite error deep in a query), naming the file.</summary>
    private static StorageFaultException? StorageFault(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageFaultException fault:
                    return fault;
                case Microsoft.Data.Sqlite.SqliteException sqlite when StoreFiles is { } files:
                    // Quartz keeps the schedule in its own file; everything else is the posts' store.
                    var schedule = exception.GetType().Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true
                        || exception.ToString().Contains("Quartz.", StringComparison.Ordinal);
                    return SqliteFaults.Explain(sqlite, schedule ? files.ScheduleDatabase : files.PostsDatabase, schedule);
            }
        }

        return null;
    }
}
