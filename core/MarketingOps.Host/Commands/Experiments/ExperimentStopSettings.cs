using System.ComponentModel;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

internal sealed class ExperimentStopSettings : ExperimentSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why it stops, kept with the experiment. Default: stopped by a user.")]
    public string Reason { get; init; } = "stopped by a user";
}
