using System.ComponentModel;
using MarketingOps.Host.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Links;

internal sealed class LinkListSettings : TimeSettings
{
    [CommandOption("--account <ACCOUNT>")]
    [Description("Only this account's links.")]
    public string? Account { get; init; }

    [CommandOption("--post <ID>")]
    [Description("Only this post's links.")]
    public string? Post { get; init; }

    [CommandOption("--experiment <ID>")]
    [Description("Only the links of this experiment's posts (its id).")]
    public string? Experiment { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many (1-500). Default: 100.")]
    public int Limit { get; init; } = 100;

    public override ValidationResult Validate() =>
        Limit is < 1 or > 500 ? ValidationResult.Error($"--limit must be between 1 and 500 (was {Limit})") : base.Validate();
}
