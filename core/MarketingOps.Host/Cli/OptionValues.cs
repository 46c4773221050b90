namespace MarketingOps.Host.Cli;

/// <summary>
/// Takes the argument after an option that needs a value as that value, whatever its first characters, as getopt does.
/// Spectre would read a value such as <c>-5 °C</c> or <c>-- note</c> as options of its own and keep a part or fail;
/// it takes <c>--text=VALUE</c> whole, so each such pair is joined into that form before it parses.
/// </summary>
internal static class OptionValues
{
    // The long option names of every command that need a value, listed rather than found by reflection at each start:
    // scanning every type of mops for settings loaded the web stack and cost ~100 ms of a CLI call (issue 12).
    // OptionValuesTests checks this list against the commands' settings.
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "--account", "--adjust", "--alpha", "--alt", "--at", "--baseline", "--client", "--control", "--counts", "--cron", "--csv",
        "--edit", "--experiment", "--expires-in-days", "--file", "--first-comment", "--followers", "--handle", "--home",
        "--html", "--in-reply-to", "--kind", "--limit", "--mde", "--media", "--method", "--name", "--option", "--part", "--password", "--platform", "--port",
        "--post", "--power", "--prior", "--published", "--rate", "--reason", "--role", "--runs", "--seed", "--since",
        "--state", "--status", "--text", "--text-for", "--thread-file", "--time-zone", "--timeout", "--to", "--tuning",
        "--tz", "--user", "--variant", "--weights",
    };

    // Options that take two values: an account and a text, a platform option's name and its value.
    private static readonly HashSet<string> PairOptions = new(StringComparer.Ordinal) { Commands.Posts.PostScheduleSettings.TextForOption, Commands.Posts.DraftSettings.OptionOption };

    /// <summary>The long option names (with <c>--</c>) of every command that need a value.</summary>
    public static IReadOnlySet<string> TakingValues => Names;

    public static string[] Join(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var args = GlobalOptionsFirst.MoveAfterCommand(arguments);
        var joined = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                // Everything after a lone "--" belongs to a script, untouched.
                joined.AddRange(args.Skip(i));
                break;
            }

            // An option of two values (--text-for ACCOUNT TEXT) becomes --text-for=ACCOUNT=TEXT; the text is taken whole.
            // Given as one (--option NAME=VALUE), it is joined like any other value below.
            if (PairOptions.Contains(arg) && i + 2 < args.Count && !args[i + 1].Contains('=', StringComparison.Ordinal))
            {
                joined.Add(arg + "=" + args[i + 1] + "=" + args[i + 2]);
                i += 2;
                continue;
            }

            // An empty value stays a separate argument: Spectre takes "" there, but not "--text=".
            if (Names.Contains(arg) && i + 1 < args.Count && args[i + 1].Length > 0)
            {
                joined.Add(arg + "=" + args[i + 1]);
                i++;
                continue;
            }

            // Nothing after it: Spectre took the name of its implicit default command as the value (`post schedule …
            // --text` scheduled the text "__default_command"); "--text=" it refuses as a missing value.
            if (Names.Contains(arg) && i + 1 == args.Count)
            {
                joined.Add(arg + "=");
                continue;
            }

            joined.Add(arg);
        }

        return [.. joined];
    }
}
