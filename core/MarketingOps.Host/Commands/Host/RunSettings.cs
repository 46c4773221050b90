using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

internal sealed class RunSettings : GlobalSettings
{
    [CommandOption("--watch-plugins")]
    [Description("Reload a plugin when its assembly is rebuilt, without restarting the host.")]
    public bool WatchPlugins { get; init; }

    [CommandOption("--no-web")]
    [Description("Do not serve the HTTP API (a headless node of a cluster, for example).")]
    public bool NoWeb { get; init; }
}
