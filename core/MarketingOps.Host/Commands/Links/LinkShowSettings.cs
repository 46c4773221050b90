using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Links;

internal sealed class LinkShowSettings : TimeSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("The short link's code (the part after /l/), as `mops links list` shows it.")]
    public string Code { get; init; } = "";
}
