using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

internal sealed class PluginsInstallSettings : GlobalSettings
{
    [CommandArgument(0, "<SOURCE>")]
    [Description("A plugin package (.nupkg, e.g. from `dotnet pack` of a mops-platform project) or a folder holding the plugin's build output and plugin.json.")]
    public string Source { get; init; } = "";
}
