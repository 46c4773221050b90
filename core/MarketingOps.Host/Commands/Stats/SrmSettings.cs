using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Stats;

internal sealed class SrmSettings : JsonSettings
{
    [CommandOption("--counts <N,N[,N]>")]
    [Description("Observed units (impressions) per arm, control first.")]
    public string? Counts { get; init; }

    [CommandOption("--weights <W,W[,W]>")]
    [Description("Planned split per arm, any scale (50,50 or 0.5,0.5); 0 leaves an arm out. Default: equal.")]
    public string? Weights { get; init; }

    public override ValidationResult Validate() => SrmRequest.Parse(this) is { Errors.Count: > 0 } parsed
        ? ValidationResult.Error(string.Join(Environment.NewLine + "  ", parsed.Errors))
        : ValidationResult.Success();
}
