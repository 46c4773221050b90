using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

internal sealed class ProportionsSettings : JsonSettings
{
    [CommandOption("--control <CLICKS/IMPRESSIONS>")]
    [Description("The control's events and units, e.g. 120/4000.")]
    public string? Control { get; init; }

    [CommandOption("--variant <CLICKS/IMPRESSIONS>")]
    [Description("A variant's events and units; repeat for several variants.")]
    public string[] Variants { get; init; } = [];

    [CommandOption("--method <METHOD>")]
    [Description("frequentist (Welch t-test, default), sequential (always-valid) or bayesian.")]
    public string Method { get; init; } = "frequentist";

    [CommandOption("--relative")]
    [Description("Lift as (variant − control) / control (the default).")]
    public bool Relative { get; init; }

    [CommandOption("--absolute")]
    [Description("Lift as variant − control, in rate points.")]
    public bool Absolute { get; init; }

    [CommandOption("--alpha <ALPHA>")]
    [Description("Significance level; intervals cover 1 − alpha. Default: 0.05.")]
    public string Alpha { get; init; } = "0.05";

    [CommandOption("--tuning <N>")]
    [Description("Sequential only: total units at which the interval is tightest (N*). Default: 5000.")]
    public string? Tuning { get; init; }

    [CommandOption("--prior <MEAN,VARIANCE>")]
    [Description("Bayesian only: an informative normal prior on the relative lift as MEAN,VARIANCE (0,0.09 is N(0, 0.3²)), or 'none'. Default: none, the data alone.")]
    public string? Prior { get; init; }

    [CommandOption("--adjust <METHOD>")]
    [Description("p-value adjustment for several variants: holm (default), bh or none.")]
    public string? Adjust { get; init; }

    [CommandOption("--lower-is-better")]
    [Description("A lower rate is the better one (e.g. unfollows).")]
    public bool LowerIsBetter { get; init; }

    public override ValidationResult Validate() => ProportionsRequest.Parse(this) is { Errors.Count: > 0 } parsed
        ? ValidationResult.Error(string.Join(Environment.NewLine + "  ", parsed.Errors))
        : ValidationResult.Success();
}
