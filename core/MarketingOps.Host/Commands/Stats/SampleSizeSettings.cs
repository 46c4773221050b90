using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

internal sealed class SampleSizeSettings : JsonSettings
{
    [CommandOption("--baseline <RATE>")]
    [Description("The control's expected rate, e.g. 0.03 for 3 % clicks per impression.")]
    public string? Baseline { get; init; }

    [CommandOption("--mde <RELATIVE>")]
    [Description("Minimum detectable relative effect, e.g. 0.2 for +20 %.")]
    public string? Mde { get; init; }

    [CommandOption("--alpha <ALPHA>")]
    [Description("Two-sided significance level. Default: 0.05.")]
    public string Alpha { get; init; } = "0.05";

    [CommandOption("--power <POWER>")]
    [Description("Chance to detect the effect if it is real. Default: 0.8.")]
    public string Power { get; init; } = "0.8";

    public override ValidationResult Validate() => SampleSizeRequest.Parse(this) is { Errors.Count: > 0 } parsed
        ? ValidationResult.Error(string.Join(Environment.NewLine + "  ", parsed.Errors))
        : ValidationResult.Success();
}
