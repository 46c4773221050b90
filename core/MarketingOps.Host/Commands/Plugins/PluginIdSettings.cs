using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

internal sealed class PluginIdSettings : GlobalSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The plugin's id, as plugins.json names it.")]
    public string Id { get; init; } = "";
}
