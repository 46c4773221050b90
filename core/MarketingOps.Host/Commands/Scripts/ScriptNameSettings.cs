using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptNameSettings : GlobalSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The scheduled script's name, as `mops script scheduled` lists it.")]
    public string Name { get; init; } = string.Empty;
}
