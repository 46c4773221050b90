using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

internal sealed class PluginsCheckSettings : JsonSettings
{
    [CommandOption("--online")]
    [Description("Also ask each platform, with its cheapest call, whether every account's credentials still work. Without it, only missing credentials are reported.")]
    public bool Online { get; init; }
}
