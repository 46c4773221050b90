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
        if (Array.Exists(arguments, a => Array.IndexOf(Kept, a) >= 0))
        {
            return false; // standard input ("--file -"), a script's own arguments, help
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
}
