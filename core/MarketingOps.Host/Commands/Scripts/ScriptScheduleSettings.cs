using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

internal sealed class ScriptScheduleSettings : ScriptFileSettings
{
    [CommandOption("--cron <EXPR>")]
    [Description("Quartz cron expression, seconds first: '0 0 8 * * ?' is every day at 08:00.")]
    public string? Cron { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("A name to unschedule it by. Default: the file name without .csx.")]
    public string? Name { get; init; }

    [CommandOption("--tz <ZONE>")]
    [Description("IANA time zone the cron expression is read in. Default: UTC.")]
    public string? TimeZone { get; init; }

    public override ValidationResult Validate()
        => string.IsNullOrWhiteSpace(Cron) ? ValidationResult.Error("--cron is required") : ValidationResult.Success();
}
