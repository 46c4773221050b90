using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Experiments;

/// <summary><c>mops experiment …</c>: A/B experiments on post variants.</summary>
internal static class ExperimentCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("experiment", experiment =>
        {
            experiment.SetDescription("A/B experiments on post variants: create from a file, watch, stop, report.");
            experiment.AddCommand<ExperimentCreateCommand>("create")
                .WithDescription("Create an experiment from a YAML or JSON file and schedule its posts (see docs/experiments.md).")
                .WithExample("experiment", "create", "spring-cta.yaml", "--dry-run");
            experiment.AddCommand<ExperimentListCommand>("list")
                .WithDescription("Every experiment with its state and metric.");
            experiment.AddCommand<ExperimentShowCommand>("show")
                .WithDescription("An experiment's definition and posts.")
                .WithExample("experiment", "show", "spring-cta");
            experiment.AddCommand<ExperimentStopCommand>("stop")
                .WithDescription("Stop a running experiment; its unpublished posts are cancelled.")
                .WithExample("experiment", "stop", "spring-cta", "--reason", "campaign cancelled");
            experiment.AddCommand<ExperimentReportCommand>("report")
                .WithDescription("Analyse an experiment now: lift, intervals, chance to beat the control (and to be best), checks and caveats.")
                .WithExample("experiment", "report", "spring-cta", "--html", "spring-cta.html");
            experiment.AddCommand<ExperimentSimulateCommand>("simulate")
                .WithDescription("Rehearse an experiment file on the sandbox with accelerated time against the true rates you state: power, A/A false positives, time to a decision.")
                .WithExample("experiment", "simulate", "spring-cta.yaml", "--rate", "control=0.010", "--rate", "question=0.015", "--runs", "200");
        });
}
