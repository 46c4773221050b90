using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

internal sealed class ExperimentReportSettings : ExperimentSettings
{
    [CommandOption("--html <FILE>")]
    [Description("Also write a self-contained HTML report with charts to FILE.")]
    public string? Html { get; init; }
}
