using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

internal sealed class ExperimentCreateSettings : TimeSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The experiment definition, .yaml, .yml or .json.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--dry-run")]
    [Description("Check the file and show the planned posts without storing or scheduling anything.")]
    public bool DryRun { get; init; }
}
