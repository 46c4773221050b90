using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

internal sealed class ExperimentSimulateSettings : JsonSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The experiment definition to rehearse, .yaml, .yml or .json (nothing is created in the client's store).")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--rate <VARIANT=RATE>")]
    [Description("The true rate of the file's metric for a variant, per impression, e.g. control=0.01; give one for every variant.")]
    public string[] Rates { get; init; } = [];

    [CommandOption("--runs <N>")]
    [Description("Simulated experiments with the stated rates, and as many with every rate equal to the control's. The default value is 100.")]
    public int Runs { get; init; } = 100;

    [CommandOption("--followers <N>")]
    [Description("Followers of each simulated account (about 30 % of them see a post). The default value is 20000.")]
    public long Followers { get; init; } = 20_000;

    [CommandOption("--seed <N>")]
    [Description("Seed of the simulated network; the same seed gives the same answer. The default value is 1.")]
    public long Seed { get; init; } = 1;
}
