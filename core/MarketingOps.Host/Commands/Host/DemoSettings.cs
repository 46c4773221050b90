using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Host;

internal sealed class DemoSettings : GlobalSettings
{
    [CommandOption("--serve")]
    [Description("After the demo, serve the dashboard with its data on loopback and print a sign-in link that works once; Ctrl+C stops it.")]
    public bool Serve { get; init; }

    [CommandOption("--port <PORT>")]
    [Description("The loopback port --serve listens on. Default: a free port.")]
    public int? Port { get; init; }

    public override ValidationResult Validate() =>
        Port is not null && !Serve ? ValidationResult.Error("--port: only with --serve.")
        : Port is < 1 or > 65535 ? ValidationResult.Error($"--port: {Port} is not a port; use 1 to 65535, or leave it out for a free one.")
        : ValidationResult.Success();
}
