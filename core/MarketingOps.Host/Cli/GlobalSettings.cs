using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Cli;

/// <summary>Options every command takes.</summary>
internal class GlobalSettings : CommandSettings
{
    [CommandOption("--home <DIR>")]
    [Description("The client folder holding plugins.json, data and logs. Default: the current folder.")]
    public string? Home { get; init; }

    [CommandOption("--verbose")]
    [Description("Log debug details to the console and show stack traces on errors.")]
    public bool Verbose { get; init; }
}
