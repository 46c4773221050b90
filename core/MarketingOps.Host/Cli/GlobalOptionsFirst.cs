namespace MarketingOps.Host.Cli;

/// <summary>
/// Takes the options every command has (<c>--home DIR</c>, <c>--verbose</c>) before the command too, as git and
/// docker do: <c>mops --home acme post list</c>. Spectre reads a command's options only after its name, so such leading
/// options are moved to the end (before a lone <c>--</c>, whose rest belongs to a script).
/// </summary>
internal static class GlobalOptionsFirst
{
    public static IReadOnlyList<string> MoveAfterCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var leading = new List<string>();
        var i = 0;
        while (i < args.Count)
        {
            if (args[i] == "--verbose" || args[i].StartsWith("--home=", StringComparison.Ordinal))
            {
                leading.Add(args[i++]);
            }
            else if (args[i] == "--home" && i + 1 < args.Count)
            {
                leading.Add(args[i++]);
                leading.Add(args[i++]);
            }
            else
            {
                break;
            }
        }

        // Nothing before the command, or nothing but these options (then Spectre's own message applies).
        if (leading.Count == 0 || i == args.Count)
        {
            return args;
        }

        var rest = args.Skip(i).ToList();
        var scriptArguments = rest.IndexOf("--");
        rest.InsertRange(scriptArguments < 0 ? rest.Count : scriptArguments, leading);
        return rest;
    }
}
