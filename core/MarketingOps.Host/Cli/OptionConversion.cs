using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>
/// An option value Spectre could not convert to the option's type, in the user's terms: Spectre says "Failed to convert
/// 'x' to Int32." or, for an optional number, "to Nullable`1.", naming neither the option nor what it takes.
/// </summary>
internal static partial class OptionConversion
{
    /// <summary>"--limit: 'x' is not a whole number", or null when <paramref name="exception"/> is another refusal.</summary>
    public static string? Explain(CommandRuntimeException exception, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(arguments);
        if (Failure().Match(exception.Message) is not { Success: true } failure)
        {
            return null;
        }

        // The converter's own words name the type underneath a Nullable`1 ("x is not a valid value for Int32.").
        var type = Inner(exception).Select(e => ValidValueFor().Match(e.Message)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            ?? failure.Groups["type"].Value;
        var value = failure.Groups["value"].Value;
        var option = OptionValues.Join(arguments).FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith("=" + value, StringComparison.Ordinal)) is { } given
            ? given[..^(value.Length + 1)] + ": "
            : string.Empty;
        var range = Inner(exception).Any(e => e is OverflowException) ? Range(type) : null;
        return $"{option}'{value}' is not {range ?? Expected(type)}";
    }

    private static IEnumerable<Exception> Inner(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    // A number too large or too small for the option's type is a whole number still, but not one it takes.
    private static string? Range(string type) => type switch
    {
        "Int32" => FormattableString.Invariant($"a whole number from {int.MinValue} to {int.MaxValue}"),
        "Int64" => FormattableString.Invariant($"a whole number from {long.MinValue} to {long.MaxValue}"),
        _ => null,
    };

    private static string Expected(string type) => type switch
    {
        "Int32" or "Int64" or "Int16" or "UInt32" or "UInt64" => "a whole number",
        "Double" or "Decimal" or "Single" => "a number, such as 0.05",
        "Boolean" => "true or false",
        _ => "a value this option takes",
    };

    // Spectre's CommandRuntimeException.ConversionFailed; an enum's ends with its values (EnumOption reads those itself).
    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[^.]+)\.", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Failure();

    [GeneratedRegex(@"is not a valid value for (\w+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex ValidValueFor();
}
