using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary>Options of a command about one experiment.</summary>
internal class ExperimentSettings : TimeSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The experiment's id, a unique start of it, or its name.")]
    public string Id { get; init; } = string.Empty;
}
