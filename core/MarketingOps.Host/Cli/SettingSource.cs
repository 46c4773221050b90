using System.Collections;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Cli;

/// <summary>
/// Names the <c>MOPS_</c> environment variable behind a refused setting: every such error said "in mops.json", and a
/// user whose file does not mention the setting looked for it there in vain.
/// </summary>
internal static partial class SettingSource
{
    /// <summary>The prefix of the variables the client's settings read (after <c>mops.json</c>, so they win).</summary>
    public const string Prefix = "MOPS_";

    /// <summary>
    /// <paramref name="problems"/> with each setting a variable gives named by that variable, and where they are: the
    /// settings file, the environment, or both.
    /// </summary>
    public static (List<string> Problems, string Where) Label(IReadOnlyList<string> problems, string file)
    {
        var variables = Variables();
        var labelled = new List<string>(problems.Count);
        var (fromFile, fromEnvironment) = (false, false);
        foreach (var problem in problems)
        {
            var keys = Key().Matches(problem);
            var named = false;
            labelled.Add(Key().Replace(problem, key =>
            {
                if (variables.TryGetValue(key.Value, out var variable))
                {
                    named = true;
                    return variable;
                }

                return key.Value;
            }));

            // A line that names no setting (a validator's second word on the same one) says nothing of where.
            fromEnvironment |= named;
            fromFile |= keys.Count > 0 && !named;
        }

        var where = !fromEnvironment ? file : fromFile ? $"{file} and the environment" : "the environment";
        return (labelled, where);
    }

    // As the configuration reads them: the prefix and case ignored, "__" for ":"; the last of two spellings wins.
    private static Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                variables[name[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = name;
            }
        }

        return variables;
    }

    // A setting's path as messages write it: Storage:BusyTimeout, Scheduling:CronJobs:0:Cron.
    [GeneratedRegex(@"(?<![\w:])[A-Z][A-Za-z0-9]*(?::[A-Za-z0-9_]+)+(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
