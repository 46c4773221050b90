using System.Text.RegularExpressions;

namespace MarketingOps.Host.Cli;

/// <summary>
/// A setting of <c>mops.json</c> (or a <c>MOPS_</c> variable) the configuration binder could not convert, in the
/// user's terms: the binder says "Failed to convert configuration value 'soon' at 'Storage:BusyTimeout' to type
/// 'System.TimeSpan'", a .NET type and no way out, and the command exited 1 as if it had crashed.
/// </summary>
internal static partial class SettingConversion
{
    /// <summary>"Storage:BusyTimeout: 'soon' is not a duration; …", or null when no such failure is behind <paramref name="exception"/>.</summary>
    public static string? Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var e in Chain(exception))
        {
            if (e is InvalidOperationException && Failure().Match(e.Message) is { Success: true } failure)
            {
                var value = failure.Groups["value"].Success ? $"'{failure.Groups["value"].Value}' " : "the value ";
                return $"{failure.Groups["key"].Value}: {value}is not {Expected(failure.Groups["type"].Value)}";
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException all ? all.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var e in inner.SelectMany(Chain))
        {
            yield return e;
        }
    }

    private static string Expected(string typeName)
    {
        var name = Nullable().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        return name switch
        {
            "System.TimeSpan" => "a duration; write it as hh:mm:ss (00:00:30) or d.hh:mm:ss (7.00:00:00)",
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" => "a whole number",
            "System.Double" or "System.Decimal" or "System.Single" => "a number, such as 0.05",
            "System.Uri" => "a URL",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time, such as 2026-05-04T09:30:00Z",
            _ when Find(name) is { IsEnum: true } values => $"one of {string.Join(", ", Enum.GetNames(values))}",
            _ => "a value this setting takes",
        };
    }

    private static Type? Find(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);

    // Microsoft.Extensions.Configuration.Binder's Error_FailedBinding, with and without the value.
    [GeneratedRegex(@"^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'\.", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Failure();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nullable();
}
