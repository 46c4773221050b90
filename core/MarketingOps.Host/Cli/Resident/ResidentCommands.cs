namespace MarketingOps.Host.Cli.Resident;

/// <summary>
/// The calls the resident process serves: commands that answer from the client folder, neither prompt nor read
/// standard input, and end in a moment. Everything else (<c>mops run</c>, the demo, prompts, <c>-</c> for standard
/// input, help) runs in the process the user started, as before.
/// </summary>
internal static class ResidentCommands
{
    // Plain arrays and loops: this runs before every command, and LINQ alone would cost a call an assembly load.
    private static readonly string[] Served =
    [
        "post list", "post show", "post schedule", "post cancel",
        "guardrails check",
        "inbox list", "inbox show",
        "links list", "links show",
        "experiment list", "experiment show",
    ];

    private static readonly string[] Kept = ["-", "--", "--help", "-h", "-?"];

    public static bool Serves(string[] arguments)
    {
        if (Array.Exists(arguments, a => Array.IndexOf(Kept, a) >= 0 || OfThisProcess(a)))
        {
            return false; // standard input ("--file -"), a script's own arguments, help, this process's own files
        }

        string? group = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--home")
            {
                i++; // its value
            }
            else if (!arguments[i].StartsWith('-'))
            {
                if (group is null)
                {
                    group = arguments[i];
                    continue;
                }

                return Array.IndexOf(Served, group + " " + arguments[i]) >= 0;
            }
            else if (arguments[i] != "--verbose" && !arguments[i].StartsWith("--home=", StringComparison.Ordinal))
            {
                return false; // another option before the command's name: the full parser says what it means
            }
        }

        return false;
    }

    /// <summary>
    /// A path that means something else in another process: <c>/dev/stdin</c>, <c>/dev/fd/63</c> of <c>&lt;(…)</c>,
    /// <c>/proc/self/…</c> (as an option's value or after <c>=</c>).
    /// </summary>
    private static bool OfThisProcess(string argument)
    {
        var value = argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals ? argument[(equals + 1)..] : argument;
        if (value.Length == 0)
        {
            return false;
        }

        var full = Path.GetFullPath(value);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);
    }
}
