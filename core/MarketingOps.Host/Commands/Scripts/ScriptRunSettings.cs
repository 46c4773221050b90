using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptRunSettings : ScriptFileSettings
{
    [CommandOption("--dry-run")]
    [Description("Record and print every post and experiment the script would create; create nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON on stdout: outcome, value, what the script printed, diagnostics, timings.")]
    public bool Json { get; init; }
}
